#include "store/store.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "store/search_cache.hpp"
#include "store/sqlite.hpp"
#include "test_paths.hpp"

namespace blogarchive::store {
namespace {

blog::Post sample_post(std::int64_t id, std::string title) {
  blog::Post post;
  post.id = id;
  post.type = blog::ItemKind::Article;
  post.status = blog::Visibility::Published;
  post.title = std::move(title);
  post.slug = "s" + std::to_string(id);
  post.date = core::parse_datetime("2010-01-05 10:00:00");
  post.terms = {{blog::TermKind::Category, "alltag", "Alltag"},
                {blog::TermKind::Tag, "rad", "Rad"}};
  blog::Comment comment;
  comment.id = id * 10;
  comment.status = "1";
  comment.type = "comment";
  comment.content = "Hallo";
  post.comments = {comment};
  return post;
}

}  // namespace

TEST(Store, RoundTripsEveryFieldOfAPost) {
  auto store = Store::open(":memory:", true);
  blog::Post post = sample_post(7, "Grüße");
  post.guid = "http://old.example.org/?p=7";
  post.excerpt = "kurz";
  post.is_sticky = true;
  post.parent_id = 3;
  post.markup = blog::Markup::Markdown;
  post.comments[0].user_id = 4;
  {
    auto import = store.begin_import();
    import->author({"ada", "Ada L.", 4});
    import->post(post);
    import->commit();
  }
  const auto snapshot = store.load_snapshot();
  ASSERT_EQ(snapshot.posts.size(), 1u);
  const auto& loaded = snapshot.posts[0];
  EXPECT_EQ(loaded.title, "Grüße");
  EXPECT_EQ(loaded.guid, post.guid);
  EXPECT_EQ(loaded.excerpt, "kurz");
  EXPECT_TRUE(loaded.is_sticky);
  EXPECT_EQ(loaded.parent_id, 3);
  EXPECT_EQ(loaded.markup, blog::Markup::Markdown);
  EXPECT_EQ(loaded.date, post.date);
  EXPECT_EQ(loaded.terms, post.terms);
  ASSERT_EQ(loaded.comments.size(), 1u);
  EXPECT_EQ(loaded.comments[0].content, "Hallo");
  EXPECT_EQ(loaded.comments[0].user_id, 4);
  ASSERT_EQ(snapshot.authors.size(), 1u);
  EXPECT_EQ(snapshot.authors[0].id, 4);
}

TEST(Store, OutlineLeavesBodiesToTheBodyReader) {
  const auto dir = testing::fresh_temp_dir("store-outline");
  blog::Post post = sample_post(5, "Gliederung");
  post.content = "Der ganze Text";
  post.excerpt = "kurz";
  {
    auto store = Store::open(dir / "s.db", true);
    auto import = store.begin_import();
    import->post(post);
    import->commit();
  }
  auto store = Store::open(dir / "s.db", false);
  auto outline = store.load_outline();
  ASSERT_EQ(outline.posts.size(), 1u);
  blog::Post& loaded = outline.posts[0];
  EXPECT_EQ(loaded.title, "Gliederung");
  EXPECT_TRUE(loaded.content.empty());
  EXPECT_TRUE(loaded.comments.empty());
  EXPECT_EQ(loaded.body_hash, blog::body_hash(post));
  BodyReader reader(dir / "s.db");
  reader.read(loaded);
  EXPECT_EQ(loaded.content, "Der ganze Text");
  EXPECT_EQ(loaded.excerpt, "kurz");
  ASSERT_EQ(loaded.comments.size(), 1u);
  EXPECT_EQ(loaded.comments[0].content, "Hallo");
  EXPECT_EQ(blog::body_hash(loaded), loaded.body_hash);  // what was read is what was hashed
}

// With two jobs the posts' terms, aliases and comment counts come from a second
// connection; the outline must not show which.
TEST(Store, OutlineIsTheSameReadWithOneOrTwoConnections) {
  const auto dir = testing::fresh_temp_dir("store-outline-two");
  {
    auto store = Store::open(dir / "s.db", true);
    auto import = store.begin_import();
    for (std::int64_t id = 1; id <= 30; ++id) {
      blog::Post post = sample_post(id, "Beitrag " + std::to_string(id));
      post.terms.push_back({blog::TermKind::Tag, "z" + std::to_string(id), "Z"});
      if (id % 3 == 0) {
        post.aliases = {"/alt/" + std::to_string(id) + ".html", "/b/" + std::to_string(id)};
      }
      for (std::int64_t c = 1; c <= id % 4; ++c) {  // 0 to 3 more: threads, replies, pings
        blog::Comment comment = post.comments[0];
        comment.id = id * 10 + c;
        comment.parent_id = c == 2 ? id * 10 : 0;
        comment.type = c == 3 ? "pingback" : "comment";
        post.comments.push_back(comment);
      }
      import->post(post);
    }
    import->commit();
  }
  auto store = Store::open(dir / "s.db", false);
  const auto alone = store.load_outline(1);
  const auto beside = store.load_outline(2);
  ASSERT_EQ(alone.posts.size(), 30u);
  ASSERT_EQ(beside.posts.size(), 30u);
  for (std::size_t i = 0; i < alone.posts.size(); ++i) {
    const blog::Post& a = alone.posts[i];
    const blog::Post& b = beside.posts[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.terms, b.terms) << a.id;
    EXPECT_EQ(a.aliases, b.aliases) << a.id;
    EXPECT_EQ(a.top_level_comments, b.top_level_comments) << a.id;
  }
  const blog::Post& third = beside.posts[2];  // id 3: the first comment, one thread more
  EXPECT_EQ(third.top_level_comments, 2);     // and a pingback, which WordPress did not page
  EXPECT_EQ(third.terms.size(), 3u);
  EXPECT_EQ(third.terms.back().slug, "z3");
  EXPECT_EQ(third.aliases, (std::vector<std::string>{"/alt/3.html", "/b/3"}));
}

TEST(Store, ReimportUpdatesInPlaceWithoutDuplicates) {
  auto store = Store::open(":memory:", true);
  for (const char* title : {"alt", "neu"}) {
    auto import = store.begin_import();
    import->post(sample_post(1, title));
    import->commit();
  }
  const auto snapshot = store.load_snapshot();
  ASSERT_EQ(snapshot.posts.size(), 1u);
  EXPECT_EQ(snapshot.posts[0].title, "neu");
  EXPECT_EQ(snapshot.posts[0].terms.size(), 2u);
  EXPECT_EQ(snapshot.posts[0].comments.size(), 1u);
}

TEST(Store, AnUncommittedImportLeavesTheStoreAsItWas) {
  auto store = Store::open(":memory:", true);
  {
    auto import = store.begin_import();
    import->post(sample_post(1, "bleibt"));
    import->commit();
  }
  {
    auto import = store.begin_import();
    import->post(sample_post(1, "verworfen"));
    import->post(sample_post(2, "verworfen"));
  }
  const auto snapshot = store.load_snapshot();
  ASSERT_EQ(snapshot.posts.size(), 1u);
  EXPECT_EQ(snapshot.posts[0].title, "bleibt");
}

TEST(Store, UpgradesAVersion1StoreAndKeepsItsPosts) {
  const auto dir = testing::fresh_temp_dir("store-v1");
  const auto path = dir / "old.db";
  {
    auto store = Store::open(path, true);
    auto import = store.begin_import();
    import->post(sample_post(1, "aus Version 1"));
    import->commit();
  }
  {  // Turn it back into what version 1 wrote: no markup, body_hash and page_count columns,
     // no aliases, term ids, media or user ids; and give the post two pages.
    Database db(path, false);
    db.execute(
        "DROP TABLE media; ALTER TABLE terms DROP COLUMN old_id; DROP TABLE post_aliases; ALTER "
        "TABLE posts DROP COLUMN body_hash; ALTER TABLE posts DROP COLUMN markup;"
        "ALTER TABLE posts DROP COLUMN page_count; ALTER TABLE comments DROP COLUMN user_id;"
        "ALTER TABLE authors DROP COLUMN id;"
        "UPDATE posts SET content = 'eins<!--nextpage-->zwei';"
        "PRAGMA user_version = 1;");
    EXPECT_EQ(db.user_version(), 1);
  }
  auto store = Store::open(path, false);
  const auto snapshot = store.load_snapshot();
  ASSERT_EQ(snapshot.posts.size(), 1u);
  EXPECT_EQ(snapshot.posts[0].title, "aus Version 1");
  EXPECT_EQ(snapshot.posts[0].markup, blog::Markup::WordPress);
  EXPECT_EQ(snapshot.posts[0].body_hash, 0u);  // unknown until imported again
  EXPECT_EQ(snapshot.posts[0].page_count, 2);  // counted by the upgrade
  EXPECT_EQ(Database(path, false).user_version(), kSchemaVersion);
}

TEST(Store, RefusesAMarkupItDoesNotKnowInsteadOfTakingItForWordPress) {
  const auto path = testing::fresh_temp_dir("store-markup") / "blog.db";
  {
    auto store = Store::open(path, true);
    auto import = store.begin_import();
    import->post(sample_post(7, "Textile"));
    import->commit();
  }
  Database(path, false).execute("UPDATE posts SET markup = 'textile';");
  auto store = Store::open(path, false);
  try {
    store.load_snapshot();
    FAIL() << "a markup it does not know was read";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("post 7 has the markup \"textile\", which this version of "
                        "blogarchive does not know"),
              std::string::npos)
        << error.what();
  }
}

TEST(Store, KnowsEachImagesSizeAlsoInAStoreFromVersion6) {
  const auto dir = testing::fresh_temp_dir("store-v6");
  const auto path = dir / "old.db";
  const std::string jpeg =
      core::read_file(testing::source_dir() / "examples/uploads/2007/03/hobelbank.jpg").value();
  {
    auto store = Store::open(path, true);
    auto import = store.begin_import();
    import->media("/wp-content/uploads/2007/03/hobelbank.jpg", jpeg, "uploads");
    import->media("/wp-content/uploads/notiz.txt", "kein Bild", "uploads");
    import->commit();
    EXPECT_EQ(store.media_image_sizes(),
              (std::map<std::string, core::ImageSize>{
                  {"/wp-content/uploads/2007/03/hobelbank.jpg", {1200, 800}}}));
  }
  {  // What version 6 wrote: no sizes.
    Database db(path, false);
    db.execute(
        "ALTER TABLE media DROP COLUMN width; ALTER TABLE media DROP COLUMN height;"
        "ALTER TABLE comments DROP COLUMN user_id; ALTER TABLE authors DROP COLUMN id; PRAGMA "
        "user_version = 6;");
  }
  auto store = Store::open(path, false);
  EXPECT_EQ(store.media_image_sizes(),
            (std::map<std::string, core::ImageSize>{
                {"/wp-content/uploads/2007/03/hobelbank.jpg", {1200, 800}}}));
}

TEST(Store, RefusesAStoreFromANewerVersion) {
  const auto dir = testing::fresh_temp_dir("store-v99");
  {
    Database db(dir / "new.db", true);
    db.execute("CREATE TABLE future (x); PRAGMA user_version = 99;");
  }
  try {
    Store::open(dir / "new.db", false);
    FAIL() << "opened a store from the future";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 99"), std::string::npos)
        << error.what();
  }
}

TEST(Store, RefusesFilesThatAreNotStores) {
  const auto dir = testing::fresh_temp_dir("store-not-db");
  { std::ofstream(dir / "x.db") << "this is not sqlite, just text that is long enough to matter"; }
  EXPECT_THROW(Store::open(dir / "x.db", false), StoreError);
}

}  // namespace blogarchive::store

namespace blogarchive::store {
namespace {

// Three of write_blob's 1 MiB pieces and a last one that is not full.
std::string large_blob() {
  std::string bytes;
  for (std::uint32_t i = 0; bytes.size() < (std::size_t{3} << 20) + 12345; ++i) {
    bytes += std::to_string(i * 2654435761u) + ",";
  }
  return bytes;
}

std::vector<std::pair<std::string, std::string>> kept_files(SearchCache& cache) {
  std::vector<std::pair<std::string, std::string>> files;
  cache.for_each_index_file(
      [&](const LazyFile& file) { files.emplace_back(file.path, std::string(file.bytes())); });
  return files;
}

}  // namespace

TEST(SearchCache, KeepsAnIndexAddedFileByFileAndForgetsOtherAnalyses) {
  const auto path = testing::fresh_temp_dir("search-cache") / "blog.db-search-cache";
  const std::string store = large_blob();
  {
    SearchCache cache(path);
    cache.put(1, "eins");
    cache.put(2, "zwei");
    cache.begin_index();
    cache.add_index_file("search/t/a.bin", 11, "shard");
    cache.add_index_file("search/docs-b.bin", 12, store);
    cache.add_index_file("search/manifest.json", 13, "");
    cache.save(42, {1});
  }
  SearchCache cache(path);
  EXPECT_EQ(cache.index_key(), 42u);
  EXPECT_TRUE(cache.has(1));
  EXPECT_FALSE(cache.has(2));
  EXPECT_EQ(cache.analysed(1), "eins");
  const auto files = kept_files(cache);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], (std::pair<std::string, std::string>{"search/t/a.bin", "shard"}));
  EXPECT_EQ(files[1].first, "search/docs-b.bin");
  EXPECT_TRUE(files[1].second == store)
      << "the large file came back with " << files[1].second.size() << " bytes";
  EXPECT_EQ(files[2], (std::pair<std::string, std::string>{"search/manifest.json", ""}));
  // A build that keeps the files from the last one only needs their digests.
  std::vector<std::uint64_t> digests;
  cache.for_each_index_file([&](const LazyFile& file) { digests.push_back(file.digest); });
  EXPECT_EQ(digests, (std::vector<std::uint64_t>{11, 12, 13}));
}

TEST(SearchCache, ABuildThatFailsWhileReplacingTheIndexLeavesTheOldOne) {
  const auto path = testing::fresh_temp_dir("search-cache-failed") / "blog.db-search-cache";
  {
    SearchCache cache(path);
    cache.put(1, "eins");
    cache.begin_index();
    cache.add_index_file("search/manifest.json", 1, "alt");
    cache.save(7, {1});
  }
  {
    SearchCache cache(path);
    cache.put(2, "zwei");
    cache.begin_index();
    cache.add_index_file("search/manifest.json", 2, "neu");
  }  // no save: the build failed
  SearchCache cache(path);
  EXPECT_EQ(cache.index_key(), 7u);
  EXPECT_FALSE(cache.has(2));
  const auto files = kept_files(cache);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].second, "alt");
}

}  // namespace blogarchive::store
