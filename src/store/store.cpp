#include "store/store.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <unordered_map>
#include <utility>
#include <vector>

#include "blogarchive/error.hpp"
#include "core/parallel.hpp"

namespace blogarchive::store {
namespace {

// Each step takes a store from version N to N+1; a new store runs them all, so old and
// new stores end up with the same tables, columns in the same order. Documented in
// docs/formats/database-schema.md: change both together, and only ever append a step.
constexpr std::string_view kSchemaSteps[] = {
    R"sql(
CREATE TABLE site (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE authors (login TEXT PRIMARY KEY, display_name TEXT NOT NULL) STRICT;
CREATE TABLE terms (
  taxonomy TEXT NOT NULL, slug TEXT NOT NULL, name TEXT NOT NULL,
  parent_slug TEXT NOT NULL, description TEXT NOT NULL,
  PRIMARY KEY (taxonomy, slug)) STRICT;
CREATE TABLE posts (
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL,
  slug TEXT NOT NULL, link TEXT NOT NULL, guid TEXT NOT NULL, date TEXT, date_gmt TEXT,
  author_login TEXT NOT NULL, content TEXT NOT NULL, excerpt TEXT NOT NULL,
  parent_id INTEGER NOT NULL, menu_order INTEGER NOT NULL, has_password INTEGER NOT NULL,
  is_sticky INTEGER NOT NULL, attachment_url TEXT NOT NULL, source TEXT NOT NULL) STRICT;
CREATE TABLE post_terms (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE, position INTEGER NOT NULL,
  taxonomy TEXT NOT NULL, slug TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (post_id, taxonomy, slug)) STRICT;
CREATE TABLE comments (
  id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  parent_id INTEGER NOT NULL, author_name TEXT NOT NULL, author_url TEXT NOT NULL, date TEXT,
  content TEXT NOT NULL, status TEXT NOT NULL, type TEXT NOT NULL) STRICT;
CREATE INDEX comments_by_post ON comments(post_id);
PRAGMA user_version = 1;
)sql",
    // v2: how the body is written, so that importers of other formats can store their
    // source (Markdown, finished HTML) instead of converting it at import time.
    R"sql(
ALTER TABLE posts ADD COLUMN markup TEXT NOT NULL DEFAULT 'wordpress';
PRAGMA user_version = 2;
)sql",
    // v3: blog::body_hash of each post, so that a build can tell which posts changed
    // without reading their bodies. 0 (unknown) for rows imported before.
    R"sql(
ALTER TABLE posts ADD COLUMN body_hash INTEGER NOT NULL DEFAULT 0;
PRAGMA user_version = 3;
)sql",
    // v4: the other URLs an item answered on the old site (Hugo aliases, Jekyll's
    // redirect_from), so that they keep working.
    R"sql(
CREATE TABLE post_aliases (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE, url TEXT NOT NULL,
  PRIMARY KEY (post_id, url)) STRICT;
PRAGMA user_version = 4;
)sql",
    // v5: the old blog's term ids (WordPress answered ?cat=ID), and the blog's media
    // files (a copy of wp-content/uploads or files fetched from the old site), kept in
    // the store so that one file holds the whole archive and an import stays atomic.
    R"sql(
ALTER TABLE terms ADD COLUMN old_id INTEGER NOT NULL DEFAULT 0;
CREATE TABLE media (
  path TEXT PRIMARY KEY, bytes BLOB NOT NULL, source TEXT NOT NULL) STRICT;
PRAGMA user_version = 5;
)sql",
    // v6: how many pages <!--nextpage--> split each body into on the old blog, so that
    // its later pages (/slug/2/) are answered without reading bodies.
    R"sql(
ALTER TABLE posts ADD COLUMN page_count INTEGER NOT NULL DEFAULT 1;
UPDATE posts SET page_count = 1 + (length(content) - length(replace(content, '<!--nextpage-->', ''))) / 15
  WHERE instr(content, '<!--nextpage-->') > 0;
PRAGMA user_version = 6;
)sql",
    // v7: each image's pixel size, for width/height and srcset; 0 for other files.
    // Store::open fills it in for files imported before.
    R"sql(
ALTER TABLE media ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
PRAGMA user_version = 7;
)sql",
    // v8: who among the blog's users wrote a comment, and each user's id: the post
    // author's own replies are marked. 0 (unknown) for rows imported before.
    R"sql(
ALTER TABLE comments ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE authors ADD COLUMN id INTEGER NOT NULL DEFAULT 0;
PRAGMA user_version = 8;
)sql"};
static_assert(std::size(kSchemaSteps) == kSchemaVersion);

void bind_date(Statement& statement, int index, const std::optional<core::DateTime>& date) {
  if (date) {
    statement.bind(index, core::to_sql(*date));
  } else {
    statement.bind_null(index);
  }
}

std::optional<core::DateTime> to_date(const std::optional<std::string>& text) {
  return text ? core::parse_datetime(*text) : std::nullopt;
}

// Everything of a post but its body, excerpt and comments: what planning a site needs.
// Attachments keep their excerpt, which is their caption: galleries show it, and it is
// a line of text, not a body.
constexpr std::string_view kOutlineColumns =
    "SELECT id, type, status, title, slug, link, guid, date, date_gmt, author_login, parent_id,"
    " menu_order, has_password, is_sticky, attachment_url, source, markup, body_hash, page_count,"
    " CASE WHEN type = 'attachment' THEN excerpt ELSE '' END"
    " FROM posts ORDER BY id";
// Approved comments that start a thread (WordPress pages comments by them).
constexpr std::string_view kTopLevelCommentCounts =
    "SELECT post_id, COUNT(*) FROM comments WHERE parent_id = 0"
    " AND status IN ('1', 'approve') AND type NOT IN ('pingback', 'trackback')"
    " GROUP BY post_id";

constexpr std::string_view kCommentColumns =
    "SELECT id, post_id, parent_id, author_name, author_url, date, content, status, type, user_id "
    "FROM comments";

blog::Comment read_comment(Statement& s) {
  blog::Comment comment;
  comment.id = s.integer(0);
  comment.parent_id = s.integer(2);
  comment.author_name = s.text(3);
  comment.author_url = s.text(4);
  comment.date = to_date(s.optional_text(5));
  comment.content = s.text(6);
  comment.status = s.text(7);
  comment.type = s.text(8);
  comment.user_id = s.integer(9);
  return comment;
}

// The outline's posts as their rows have them, by id, without what other tables add.
std::vector<blog::Post> read_outline_posts(Database& db) {
  std::vector<blog::Post> posts;
  for (auto s = db.prepare(kOutlineColumns); s.step();) {
    blog::Post post;
    post.id = s.integer(0);
    post.type = blog::PostType::named(s.text(1));
    post.status = blog::PostStatus::named(s.text(2));
    post.title = s.text(3);
    post.slug = s.text(4);
    post.link = s.text(5);
    post.guid = s.text(6);
    post.date = to_date(s.optional_text(7));
    post.date_gmt = to_date(s.optional_text(8));
    post.author_login = s.text(9);
    post.parent_id = s.integer(10);
    post.menu_order = static_cast<int>(s.integer(11));
    post.has_password = s.integer(12) != 0;
    post.is_sticky = s.integer(13) != 0;
    post.attachment_url = s.text(14);
    post.source = s.text(15);
    const std::string markup_text = s.text(16);
    const auto markup = blog::markup_named(markup_text);
    if (!markup) {
      // Only a newer blogarchive writes other names, and it also raises the schema version.
      throw StoreError(
          fmt::format("post {} has the markup \"{}\", which this version of blogarchive does not "
                      "know; import the blog again, or use the version that made the store",
                      post.id, markup_text));
    }
    post.markup = *markup;
    post.body_hash = static_cast<std::uint64_t>(s.integer(17));
    post.page_count = static_cast<int>(s.integer(18));
    post.excerpt = s.text(19);
    posts.push_back(std::move(post));
  }
  return posts;
}

// What other tables say about the posts, by post id.
struct PostExtras {
  std::vector<std::pair<std::int64_t, blog::TermRef>> terms;  ///< in each post's order
  std::vector<std::pair<std::int64_t, std::string>> aliases;
  std::vector<std::pair<std::int64_t, int>> top_level_comments;
};

PostExtras read_post_extras(Database& db) {
  PostExtras extras;
  for (auto s = db.prepare("SELECT post_id, taxonomy, slug, name FROM post_terms "
                           "ORDER BY post_id, position");
       s.step();) {
    extras.terms.emplace_back(
        s.integer(0), blog::TermRef{blog::Taxonomy::named(s.text(1)), s.text(2), s.text(3)});
  }
  for (auto s = db.prepare("SELECT post_id, url FROM post_aliases ORDER BY post_id, url");
       s.step();) {
    extras.aliases.emplace_back(s.integer(0), s.text(1));
  }
  for (auto s = db.prepare(kTopLevelCommentCounts); s.step();) {
    extras.top_level_comments.emplace_back(s.integer(0), static_cast<int>(s.integer(1)));
  }
  return extras;
}

// SQLite enforces foreign keys only where a connection asks: a row of another table
// whose post is gone is passed over.
void attach(PostExtras& extras, std::vector<blog::Post>& posts) {
  std::unordered_map<std::int64_t, blog::Post*> post_with_id;
  for (auto& post : posts) {
    post_with_id[post.id] = &post;
  }
  const auto post_of = [&](std::int64_t id) {
    const auto found = post_with_id.find(id);
    return found == post_with_id.end() ? nullptr : found->second;
  };
  for (auto& [id, term] : extras.terms) {
    if (blog::Post* post = post_of(id)) {
      post->terms.push_back(std::move(term));
    }
  }
  for (auto& [id, alias] : extras.aliases) {
    if (blog::Post* post = post_of(id)) {
      post->aliases.push_back(std::move(alias));
    }
  }
  for (const auto& [id, count] : extras.top_level_comments) {
    if (blog::Post* post = post_of(id)) {
      post->top_level_comments = count;
    }
  }
}

}  // namespace

namespace {

void fill_in_image_sizes(Database& db) {
  auto update = db.prepare("UPDATE media SET width = ?, height = ? WHERE path = ?");
  for (auto s = db.prepare("SELECT path, bytes FROM media"); s.step();) {
    if (const auto size = core::image_size(s.blob(1))) {
      update.bind(1, size->width).bind(2, size->height).bind(3, s.text(0)).run();
    }
  }
}

}  // namespace

Store Store::open(const std::filesystem::path& path, bool create) {
  Database db(path, create);
  int version = 0;
  try {
    version = db.user_version();
    if (version < kSchemaVersion) {
      db.execute("BEGIN IMMEDIATE");
      const bool sizes_unknown = version >= 5 && version < 7;  // media imported before v7
      for (; version < kSchemaVersion; ++version) {
        db.execute(kSchemaSteps[version]);
      }
      if (sizes_unknown) {
        fill_in_image_sizes(db);
      }
      db.execute("COMMIT");
    }
  } catch (const StoreError&) {
    std::throw_with_nested(
        StoreError(fmt::format("'{}' is not a blogarchive store", path.string())));
  }
  if (version > kSchemaVersion) {
    throw StoreError(
        fmt::format("the store '{}' has schema version {}, made by a newer "
                    "blogarchive; this version reads up to {}",
                    path.string(), version, kSchemaVersion));
  }
  return Store(std::move(db), path);
}

std::unique_ptr<ImportTransaction> Store::begin_import() {
  return std::make_unique<ImportTransaction>(db_);
}

ImportTransaction::ImportTransaction(Database& db)
    : db_((db.execute("BEGIN IMMEDIATE"), db)),
      insert_site_(db.prepare("INSERT OR REPLACE INTO site (key, value) VALUES (?, ?)")),
      insert_author_(db.prepare("INSERT OR REPLACE INTO authors VALUES (?, ?, ?)")),
      insert_term_(db.prepare("INSERT OR REPLACE INTO terms VALUES (?, ?, ?, ?, ?, ?)")),
      upsert_post_(db.prepare(
          "INSERT INTO posts VALUES "
          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)"
          " ON CONFLICT(id) DO UPDATE SET type=?2, status=?3, title=?4, slug=?5, link=?6, guid=?7,"
          " date=?8, date_gmt=?9, author_login=?10, content=?11, excerpt=?12, parent_id=?13,"
          " menu_order=?14, has_password=?15, is_sticky=?16, attachment_url=?17, source=?18, "
          "markup=?19, body_hash=?20,"
          " page_count=?21")),
      delete_post_terms_(db.prepare("DELETE FROM post_terms WHERE post_id = ?")),
      insert_post_term_(db.prepare("INSERT OR IGNORE INTO post_terms VALUES (?, ?, ?, ?, ?)")),
      delete_aliases_(db.prepare("DELETE FROM post_aliases WHERE post_id = ?")),
      insert_alias_(db.prepare("INSERT OR IGNORE INTO post_aliases VALUES (?, ?)")),
      delete_comments_(db.prepare("DELETE FROM comments WHERE post_id = ?")),
      insert_comment_(
          db.prepare("INSERT OR REPLACE INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      insert_media_(db.prepare("INSERT OR REPLACE INTO media VALUES (?, ?, ?, ?, ?)")) {}

ImportTransaction::~ImportTransaction() {
  if (open_) {
    db_.rollback_quietly();
  }
}

void ImportTransaction::site(const blog::SiteInfo& info) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &info.title},
      {"description", &info.description},
      {"link", &info.link},
      {"base_site_url", &info.base_site_url},
      {"base_blog_url", &info.base_blog_url},
      {"language", &info.language},
      {"format", &info.format},
      {"icon_url", &info.icon_url}};
  for (const auto& [key, value] : fields) {
    insert_site_.bind(1, key).bind(2, *value).run();
  }
}

void ImportTransaction::author(const blog::Author& author) {
  insert_author_.bind(1, author.login).bind(2, author.display_name).bind(3, author.id).run();
}

void ImportTransaction::term(const blog::Term& term) {
  insert_term_.bind(1, term.taxonomy.name())
      .bind(2, term.slug)
      .bind(3, term.name)
      .bind(4, term.parent_slug)
      .bind(5, term.description)
      .bind(6, term.old_id)
      .run();
}

void ImportTransaction::post(const blog::Post& post) {
  upsert_post_.bind(1, post.id)
      .bind(2, post.type.name())
      .bind(3, post.status.name())
      .bind(4, post.title)
      .bind(5, post.slug)
      .bind(6, post.link)
      .bind(7, post.guid);
  bind_date(upsert_post_, 8, post.date);
  bind_date(upsert_post_, 9, post.date_gmt);
  upsert_post_.bind(10, post.author_login)
      .bind(11, post.content)
      .bind(12, post.excerpt)
      .bind(13, post.parent_id)
      .bind(14, std::int64_t{post.menu_order})
      .bind(15, std::int64_t{post.has_password})
      .bind(16, std::int64_t{post.is_sticky})
      .bind(17, post.attachment_url)
      .bind(18, post.source)
      .bind(19, std::string(blog::markup_name(post.markup)))
      .bind(20, static_cast<std::int64_t>(blog::body_hash(post)))
      .bind(21, std::int64_t{blog::page_count(post)})
      .run();
  // Re-importing replaces the post's terms and comments instead of piling them up.
  delete_post_terms_.bind(1, post.id).run();
  std::int64_t position = 0;
  for (const auto& term : post.terms) {
    insert_post_term_.bind(1, post.id)
        .bind(2, position++)
        .bind(3, term.taxonomy.name())
        .bind(4, term.slug)
        .bind(5, term.name)
        .run();
  }
  delete_aliases_.bind(1, post.id).run();
  for (const auto& alias : post.aliases) {
    insert_alias_.bind(1, post.id).bind(2, alias).run();
  }
  delete_comments_.bind(1, post.id).run();
  for (const auto& comment : post.comments) {
    insert_comment_.bind(1, comment.id)
        .bind(2, post.id)
        .bind(3, comment.parent_id)
        .bind(4, comment.author_name)
        .bind(5, comment.author_url);
    bind_date(insert_comment_, 6, comment.date);
    insert_comment_.bind(7, comment.content)
        .bind(8, comment.status)
        .bind(9, comment.type)
        .bind(10, comment.user_id)
        .run();
  }
}

void ImportTransaction::media(const std::string& path, std::string_view bytes,
                              const std::string& source) {
  const auto size = core::image_size(bytes).value_or(core::ImageSize{});
  insert_media_.bind(1, path)
      .bind_blob(2, bytes)
      .bind(3, source)
      .bind(4, size.width)
      .bind(5, size.height)
      .run();
}

void ImportTransaction::setting(const std::string& key, const std::string& value) {
  insert_site_.bind(1, key).bind(2, value).run();
}

void ImportTransaction::commit() {
  db_.execute("COMMIT");
  open_ = false;
}

blog::Snapshot Store::load_snapshot() {
  blog::Snapshot snapshot = load_outline();
  std::unordered_map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < snapshot.posts.size(); ++i) {
    index_of[snapshot.posts[i].id] = i;
  }
  for (auto s = db_.prepare("SELECT id, content, excerpt FROM posts"); s.step();) {
    auto& post = snapshot.posts[index_of.at(s.integer(0))];
    post.content = s.text(1);
    post.excerpt = s.text(2);
  }
  for (auto s = db_.prepare(std::string(kCommentColumns) + " ORDER BY post_id, date, id");
       s.step();) {
    snapshot.posts[index_of.at(s.integer(1))].comments.push_back(read_comment(s));
  }
  return snapshot;
}

std::string Store::site_value(const std::string& key) {
  auto select = db_.prepare("SELECT value FROM site WHERE key = ?");
  select.bind(1, key);
  return select.step() ? select.text(0) : std::string();
}

blog::Snapshot Store::load_outline(int jobs) {
  blog::Snapshot snapshot;
  for (auto s = db_.prepare("SELECT key, value FROM site"); s.step();) {
    const std::string key = s.text(0);
    std::string value = s.text(1);
    if (key == "title")
      snapshot.site.title = value;
    else if (key == "description")
      snapshot.site.description = value;
    else if (key == "link")
      snapshot.site.link = value;
    else if (key == "base_site_url")
      snapshot.site.base_site_url = value;
    else if (key == "base_blog_url")
      snapshot.site.base_blog_url = value;
    else if (key == "language")
      snapshot.site.language = value;
    else if (key == "format")
      snapshot.site.format = value;
    else if (key == "icon_url")
      snapshot.site.icon_url = value;
  }
  for (auto s = db_.prepare("SELECT login, display_name, id FROM authors ORDER BY login");
       s.step();) {
    snapshot.authors.push_back({s.text(0), s.text(1), s.integer(2)});
  }
  for (auto s = db_.prepare("SELECT * FROM terms ORDER BY taxonomy, slug"); s.step();) {
    snapshot.terms.push_back({blog::Taxonomy::named(s.text(0)), s.text(1), s.text(2), s.text(3),
                              s.text(4), s.integer(5)});
  }
  // The posts' terms, aliases and comment counts are read on a second connection while
  // the posts are read on this one: at 50,000 posts each half took about 0.2 s. Only a
  // store in a file has a second connection; an import reads its own writes on this one.
  const bool beside = jobs > 1 && std::filesystem::is_regular_file(path_);
  PostExtras extras;
  core::side_by_side(
      beside ? 2 : 1,
      [&] {
        if (beside) {
          Database second(path_, false);
          extras = read_post_extras(second);
        } else {
          extras = read_post_extras(db_);
        }
      },
      [&] { snapshot.posts = read_outline_posts(db_); });
  attach(extras, snapshot.posts);
  return snapshot;
}

std::vector<std::string> Store::media_paths() {
  std::vector<std::string> paths;
  for (auto s = db_.prepare("SELECT path FROM media ORDER BY path"); s.step();) {
    paths.push_back(s.text(0));
  }
  return paths;
}

std::map<std::string, core::ImageSize> Store::media_image_sizes() {
  std::map<std::string, core::ImageSize> sizes;
  for (auto s = db_.prepare("SELECT path, width, height FROM media WHERE width > 0 AND height > 0");
       s.step();) {
    sizes.emplace(s.text(0),
                  core::ImageSize{static_cast<int>(s.integer(1)), static_cast<int>(s.integer(2))});
  }
  return sizes;
}

std::string Store::setting(const std::string& key) {
  auto s = db_.prepare("SELECT value FROM site WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

MediaReader::MediaReader(const std::filesystem::path& path)
    : db_(path, false), select_(db_.prepare("SELECT bytes FROM media WHERE path = ?")) {}

std::optional<std::string> MediaReader::read(const std::string& path) {
  select_.bind(1, path);
  std::optional<std::string> bytes;
  if (select_.step()) {
    bytes = select_.blob(0);
  }
  select_.reset();
  return bytes;
}

BodyReader::BodyReader(const std::filesystem::path& path)
    : db_(path, false),
      select_body_(db_.prepare("SELECT content, excerpt FROM posts WHERE id = ?")),
      select_comments_(
          db_.prepare(std::string(kCommentColumns) + " WHERE post_id = ? ORDER BY date, id")) {
  db_.limit_page_cache(kSmallPageCacheKiB);
}

void BodyReader::read(blog::Post& post) {
  select_body_.bind(1, post.id);
  if (select_body_.step()) {
    post.content = select_body_.text(0);
    post.excerpt = select_body_.text(1);
  }
  select_body_.reset();
  post.comments.clear();
  select_comments_.bind(1, post.id);
  while (select_comments_.step()) {
    post.comments.push_back(read_comment(select_comments_));
  }
  select_comments_.reset();
}

}  // namespace blogarchive::store
