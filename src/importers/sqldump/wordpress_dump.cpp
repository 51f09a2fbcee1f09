#include "importers/sqldump/wordpress_dump.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "blogarchive/error.hpp"
#include "core/dates.hpp"
#include "core/encoding.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "importers/sqldump/dump_reader.hpp"
#include "importers/sqldump/wordpress_permalinks.hpp"

namespace blogarchive::importers::sqldump {
namespace {

// The options the archive needs; the rest (plugin settings, often private) is not read.
const std::set<std::string> kOptions{
    "blogname",      "blogdescription", "siteurl",       "home",         "permalink_structure",
    "WPLANG",        "page_on_front",   "show_on_front", "sticky_posts", "upload_url_path",
    "category_base", "tag_base",        "site_icon"};
// Types that were content; revisions, auto-drafts, menu items, feedback, changesets
// and the like never become records.
const std::set<std::string> kContentTypes{"post", "page", "attachment"};

// The installations a dump holds, by the prefix of their tables ("wp_", "wp_2_").
std::vector<std::string> prefixes_in(const std::vector<std::string>& names) {
  const std::set<std::string> all(names.begin(), names.end());
  std::vector<std::string> prefixes;
  for (const auto& name : all) {
    if (name.ends_with("posts")) {
      const std::string prefix = name.substr(0, name.size() - 5);
      if (all.count(prefix + "options") > 0) {
        prefixes.push_back(prefix);
      }
    }
  }
  return prefixes;
}

std::string chosen_prefix(const std::vector<std::string>& names, const std::string& asked,
                          const std::string& file) {
  const auto prefixes = prefixes_in(names);
  const std::string listed =
      prefixes.empty() ? "none" : fmt::format("{}", fmt::join(prefixes, ", "));
  if (prefixes.empty()) {
    std::vector<std::string> some(
        names.begin(),
        names.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(names.size(), 8)));
    throw InputError(
        fmt::format("{}: not a WordPress database: no posts table with an options table beside it "
                    "(tables: {}); give a backup of the blog's WordPress database",
                    file, some.empty() ? "none" : fmt::format("{}", fmt::join(some, ", "))));
  }
  if (!asked.empty()) {
    if (std::find(prefixes.begin(), prefixes.end(), asked) == prefixes.end()) {
      throw InputError(fmt::format(
          "{}: no WordPress installation with the table prefix '{}' (the dump holds: {})", file,
          asked, listed));
    }
    return asked;
  }
  if (prefixes.size() > 1) {
    throw InputError(
        fmt::format("{}: the dump holds {} WordPress installations (table prefixes {}); choose one "
                    "with --table-prefix",
                    file, prefixes.size(), listed));
  }
  return prefixes.front();
}

// Reads the values of one installation's rows as text, repairing what old databases
// did to it, and says so.
class TextReader {
 public:
  TextReader(const DumpReader& dump, std::string file, core::Diagnostics& diagnostics)
      : dump_(dump), file_(std::move(file)), diagnostics_(diagnostics) {}

  std::string operator()(const DumpRow& row, const std::string& column,
                         const std::string& id_column) {
    std::string value = row.get(column).value_or("");
    const auto table = dump_.tables().find(row.table);
    const std::string charset =
        table == dump_.tables().end() || table->second.charset.count(column) == 0
            ? ""
            : table->second.charset.at(column);
    const auto where = [&] {
      return fmt::format("{} row {}, column {}", row.table, row.get(id_column).value_or("?"),
                         column);
    };
    if (!core::is_valid_utf8(value)) {
      // Real latin1 (a dump made with --default-character-set=latin1), or junk.
      auto decoded = core::decode_as(value, "windows-1252");
      value = decoded ? *decoded : core::repair_utf8(value);
      diagnostics_.warn(file_,
                        where() + ": bytes that are not UTF-8 read as Windows-1252 (latin1)");
      return value;
    }
    if (charset == "latin1") {
      bool repaired = false;
      std::string fixed =
          core::repair_double_encoding(value, repaired, core::SingleBytes::MysqlLatin1);
      if (repaired) {
        diagnostics_.warn(
            file_, where() + ": UTF-8 text stored in a latin1 column (double encoding) repaired");
        return fixed;
      }
    }
    return value;
  }

 private:
  const DumpReader& dump_;
  std::string file_;
  core::Diagnostics& diagnostics_;
};

std::int64_t number(const DumpRow& row, const std::string& column) {
  try {
    return std::stoll(row.get(column).value_or("0"));
  } catch (const std::exception&) {
    return 0;
  }
}

// What the small tables say, read before the posts.
struct Installation {
  std::map<std::string, std::string> options;
  std::map<std::int64_t, blog::Author> users;  ///< by ID; login: the user_nicename
  struct TermRow {
    std::string name;
    std::string slug;
  };
  std::map<std::int64_t, TermRow> terms;
  struct Taxonomy {
    std::int64_t term_id = 0;
    std::string taxonomy;
    std::int64_t parent = 0;
    std::string description;
  };
  std::map<std::int64_t, Taxonomy> taxonomies;                      ///< by term_taxonomy_id
  std::map<std::int64_t, std::vector<std::int64_t>> relationships;  ///< object → term_taxonomy_ids
  std::map<std::int64_t, std::string> attached_file;                ///< _wp_attached_file
  std::map<std::int64_t, std::vector<blog::Comment>> comments;      ///< approved only, by post
  std::map<std::int64_t, PostShape> shapes;        ///< every content item, for permalinks
  std::map<std::int64_t, std::int64_t> author_of;  ///< post → user ID

  std::string option(const char* name) const {
    const auto at = options.find(name);
    return at == options.end() ? std::string() : at->second;
  }

  /// The item's terms, by its relationships.
  std::vector<blog::TermRef> terms_of(std::int64_t post) const {
    std::vector<blog::TermRef> refs;
    const auto related = relationships.find(post);
    if (related == relationships.end()) {
      return refs;
    }
    for (const std::int64_t id : related->second) {
      const auto taxonomy = taxonomies.find(id);
      const auto term =
          taxonomy == taxonomies.end() ? terms.end() : terms.find(taxonomy->second.term_id);
      if (term != terms.end()) {
        refs.push_back(blog::TermRef{blog::Taxonomy::named(taxonomy->second.taxonomy),
                                     term->second.slug,
                                     core::decode_html_entities(term->second.name)});
      }
    }
    return refs;
  }

  /// Each category's parent, by term_id.
  std::map<std::int64_t, std::int64_t> category_parents() const {
    std::map<std::int64_t, std::int64_t> parent_of;
    for (const auto& [id, taxonomy] : taxonomies) {
      if (taxonomy.taxonomy == "category") {
        parent_of[taxonomy.term_id] = taxonomy.parent;
      }
    }
    return parent_of;
  }

  /// %category%: the post's category with the lowest id, below its parents.
  std::string category_path(std::int64_t post,
                            const std::map<std::int64_t, std::int64_t>& parent_of) const {
    std::int64_t lowest = 0;
    const auto related = relationships.find(post);
    for (const std::int64_t id :
         related == relationships.end() ? std::vector<std::int64_t>{} : related->second) {
      const auto taxonomy = taxonomies.find(id);
      if (taxonomy != taxonomies.end() && taxonomy->second.taxonomy == "category" &&
          (lowest == 0 || taxonomy->second.term_id < lowest)) {
        lowest = taxonomy->second.term_id;
      }
    }
    std::string path;
    for (std::int64_t term = lowest, depth = 0; term != 0 && terms.count(term) > 0 && depth < 50;
         ++depth) {
      if (!path.empty()) {
        path.insert(0, 1, '/');
      }
      path.insert(0, terms.at(term).slug);
      term = parent_of.count(term) > 0 ? parent_of.at(term) : 0;
    }
    return path;
  }
};

// `posts_text` reads the posts' slugs, whose repairs the pass over the posts reports.
void read_small_tables(DumpReader& dump, const std::string& prefix, bool recover,
                       Installation& site, TextReader& text, TextReader& posts_text,
                       core::Diagnostics& diagnostics) {
  const auto is = [&](const std::string& table, const char* suffix) {
    return table == prefix + suffix;
  };
  dump.read(
      [&](const std::string& table) {
        return is(table, "options") || is(table, "users") || is(table, "terms") ||
               is(table, "term_taxonomy") || is(table, "term_relationships") ||
               is(table, "postmeta") || is(table, "comments") || is(table, "posts");
      },
      [&](const DumpRow& row) {
        if (is(row.table, "options")) {
          const std::string name = row.get("option_name").value_or("");
          if (kOptions.count(name) > 0) {
            site.options[name] = text(row, "option_value", "option_name");
          }
        } else if (is(row.table, "users")) {
          // Never user_login, user_email or user_pass.
          site.users[number(row, "ID")] = blog::Author{
              text(row, "user_nicename", "ID"), text(row, "display_name", "ID"), number(row, "ID")};
        } else if (is(row.table, "terms")) {
          site.terms[number(row, "term_id")] = {text(row, "name", "term_id"),
                                                text(row, "slug", "term_id")};
        } else if (is(row.table, "term_taxonomy")) {
          site.taxonomies[number(row, "term_taxonomy_id")] = {
              number(row, "term_id"), text(row, "taxonomy", "term_taxonomy_id"),
              number(row, "parent"), text(row, "description", "term_taxonomy_id")};
        } else if (is(row.table, "term_relationships")) {
          site.relationships[number(row, "object_id")].push_back(number(row, "term_taxonomy_id"));
        } else if (is(row.table, "postmeta")) {
          if (row.get("meta_key").value_or("") == "_wp_attached_file") {
            site.attached_file[number(row, "post_id")] = text(row, "meta_value", "meta_id");
          }
        } else if (is(row.table, "comments")) {
          if (row.get("comment_approved").value_or("") != "1") {
            return;  // pending, spam and trash are never read
          }
          blog::Comment comment;
          comment.id = number(row, "comment_ID");
          comment.parent_id = number(row, "comment_parent");
          comment.user_id = number(row, "user_id");  // marks the post author's own replies
          comment.author_name = text(row, "comment_author", "comment_ID");
          comment.author_url = text(row, "comment_author_url", "comment_ID");
          comment.date = core::parse_datetime(row.get("comment_date").value_or(""));
          comment.content = text(row, "comment_content", "comment_ID");
          comment.status = "1";
          comment.type = row.get("comment_type").value_or("");
          comment.type = comment.type.empty() ? "comment" : comment.type;
          site.comments[number(row, "comment_post_ID")].push_back(std::move(comment));
        } else if (is(row.table, "posts")) {
          const std::string type = row.get("post_type").value_or("");
          if (kContentTypes.count(type) > 0) {
            PostShape shape;
            shape.type = type;
            shape.status = row.get("post_status").value_or("");
            shape.slug = posts_text(row, "post_name", "ID");
            shape.parent = number(row, "post_parent");
            shape.date = core::parse_datetime(row.get("post_date").value_or(""));
            site.shapes[number(row, "ID")] = std::move(shape);
            site.author_of[number(row, "ID")] = number(row, "post_author");
          }
        }
      },
      recover, diagnostics);
}

std::string uploads_url(const Installation& site) {
  std::string base = site.option("upload_url_path");
  if (base.empty()) {
    base = site.option("siteurl") + "/wp-content/uploads";
  }
  return base.ends_with('/') ? base : base + "/";
}

// The site icon (option site_icon: an attachment's id) as its uploaded file's URL.
std::string site_icon_url(const Installation& site) {
  const std::int64_t id = std::atoll(site.option("site_icon").c_str());
  const auto file = site.attached_file.find(id);
  return id == 0 || file == site.attached_file.end() ? std::string()
                                                     : uploads_url(site) + file->second;
}

void send_site(const Installation& site, blog::ImportSink& sink) {
  const auto option = [&](const char* name) {
    const auto at = site.options.find(name);
    return at == site.options.end() ? std::string() : at->second;
  };
  blog::SiteInfo info;
  info.title = core::decode_html_entities(option("blogname"));
  info.description = core::decode_html_entities(option("blogdescription"));
  info.link = option("home").empty() ? option("siteurl") : option("home");
  info.base_site_url = option("siteurl");
  info.base_blog_url = info.link;
  std::string language = option("WPLANG");
  std::replace(language.begin(), language.end(), '_', '-');
  info.language = language.empty() ? "en-US" : language;
  info.format = "wordpress database";
  info.icon_url = site_icon_url(site);
  sink.site(info);
  for (const auto& [id, author] : site.users) {
    sink.author(author);
  }
  for (const auto& [id, taxonomy] : site.taxonomies) {
    const auto term = site.terms.find(taxonomy.term_id);
    if (term == site.terms.end()) {
      continue;
    }
    const auto parent = site.terms.find(taxonomy.parent);
    sink.term(
        blog::Term{blog::Taxonomy::named(taxonomy.taxonomy), term->second.slug,
                   core::decode_html_entities(term->second.name),
                   taxonomy.parent != 0 && parent != site.terms.end() ? parent->second.slug : "",
                   taxonomy.description, taxonomy.term_id});
  }
}

// Author slugs and category paths, once users and terms are read.
void complete_shapes(Installation& site) {
  const auto parents = site.category_parents();
  for (auto& [id, shape] : site.shapes) {
    const auto user = site.users.find(site.author_of[id]);
    shape.author_slug = user != site.users.end() ? user->second.login : "";
    if (shape.type == "post") {
      shape.category_path = site.category_path(id, parents);
    }
  }
}

// sticky_posts is a PHP-serialized array of ids: a:2:{i:0;i:12;i:1;i:34;}. Read as
// text, never unserialized: every second integer is an id.
std::set<std::int64_t> sticky_ids(const std::string& serialized) {
  std::set<std::int64_t> ids;
  bool value = false;
  for (auto at = serialized.find("i:"); at != std::string::npos;
       at = serialized.find("i:", at + 2)) {
    if (value) {
      ids.insert(std::atoll(serialized.c_str() + at + 2));
    }
    value = !value;
  }
  return ids;
}

blog::Post post_of(const DumpRow& row, const Installation& site, TextReader& text) {
  blog::Post post;
  post.id = number(row, "ID");
  post.type = blog::PostType::named(row.get("post_type").value_or(""));
  post.status = blog::PostStatus::named(row.get("post_status").value_or(""));
  post.title = core::decode_html_entities(text(row, "post_title", "ID"));
  post.slug = core::percent_decode(text(row, "post_name", "ID"));
  post.guid = text(row, "guid", "ID");
  post.date = core::parse_datetime(row.get("post_date").value_or(""));
  post.date_gmt = core::parse_datetime(row.get("post_date_gmt").value_or(""));
  const auto author = site.author_of.find(post.id);
  const auto user =
      author == site.author_of.end() ? site.users.end() : site.users.find(author->second);
  post.author_login = user != site.users.end() ? user->second.login : "";
  post.content = text(row, "post_content", "ID");
  post.excerpt = text(row, "post_excerpt", "ID");
  post.parent_id = number(row, "post_parent");
  post.menu_order = static_cast<int>(number(row, "menu_order"));
  post.has_password =
      !row.get("post_password").value_or("").empty();  // the password itself is never kept
  post.terms = site.terms_of(post.id);
  const auto comments = site.comments.find(post.id);
  if (comments != site.comments.end()) {
    post.comments = comments->second;
    blog::sort_oldest_first(post.comments);
  }
  post.page_count = blog::page_count(post);
  return post;
}

}  // namespace

bool SqlDumpImporter::recognizes(std::string_view head) const {
  return looks_like_dump(head);
}

void SqlDumpImporter::read(const std::filesystem::path& file, const ReadOptions& options,
                           blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  const std::string file_name = file.filename().string();
  DumpReader dump(file);
  // First the table names (which installations the dump holds), then the small tables,
  // then the posts one at a time: the posts table is most of a dump.
  // What the last pass reports again is dropped from the earlier ones: the end of a dump
  // cut short (with --recover) and the repairs of the posts table.
  core::Diagnostics reported_later;
  dump.read([](const std::string&) { return false; }, [](const DumpRow&) {}, options.recover,
            reported_later);
  const std::string prefix = chosen_prefix(dump.table_names(), options.table_prefix, file_name);
  Installation site;
  TextReader small_tables_text(dump, file_name, diagnostics);
  TextReader posts_text(dump, file_name, reported_later);
  read_small_tables(dump, prefix, options.recover, site, small_tables_text, posts_text,
                    reported_later);
  complete_shapes(site);
  send_site(site, sink);
  const Permalinks permalinks(
      site.option("home").empty() ? site.option("siteurl") : site.option("home"),
      site.option("permalink_structure"),
      site.option("show_on_front") == "page" ? std::atoll(site.option("page_on_front").c_str()) : 0,
      site.shapes);
  TextReader text(dump, file_name, diagnostics);
  const std::set<std::int64_t> sticky = sticky_ids(site.option("sticky_posts"));
  const std::string uploads = uploads_url(site);
  dump.read([&](const std::string& table) { return table == prefix + "posts"; },
            [&](const DumpRow& row) {
              if (kContentTypes.count(row.get("post_type").value_or("")) == 0) {
                return;  // revisions, menu items, …
              }
              blog::Post post = post_of(row, site, text);
              post.link = permalinks.of(post.id);
              post.is_sticky = sticky.count(post.id) > 0;
              if (post.type == blog::ItemKind::Attachment) {
                const auto attached = site.attached_file.find(post.id);
                post.attachment_url =
                    attached != site.attached_file.end() ? uploads + attached->second : post.guid;
              }
              post.source = fmt::format("{}:{}", file_name, row.line);
              sink.post(post);
            },
            options.recover, diagnostics);
}

}  // namespace blogarchive::importers::sqldump
