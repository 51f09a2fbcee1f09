#include "store/render_cache.hpp"

#include <gtest/gtest.h>

#include "blogarchive/error.hpp"
#include "store/sqlite.hpp"
#include "test_paths.hpp"

namespace blogarchive::store {
namespace {

using Documents = std::vector<std::pair<std::string, WrittenDocument>>;

TEST(WrittenDocuments, AreReadBackAsSavedForTheirOwnSiteOnly) {
  const auto cache = testing::fresh_temp_dir("written-documents") / "blog.db-render-cache";
  EXPECT_TRUE(read_written_documents(cache, "/srv/site").empty());
  const WrittenDocument article{0xFEDCBA9876543210ULL, 5120, 1733600000123456789, 4242};
  save_written_documents(cache, "/srv/site",
                         {{"2010/01/ein-regal/index.html", article}, {"index.html", {7, 0, 1, 2}}});
  save_written_documents(cache, "/srv/other", {{"index.html", {8, 9, 10, 11}}});

  const auto site = read_written_documents(cache, "/srv/site");
  ASSERT_EQ(site.size(), 2u);
  const WrittenDocument& read = site.at("2010/01/ein-regal/index.html");
  EXPECT_EQ(read.key, article.key);
  EXPECT_EQ(read.size, article.size);
  EXPECT_EQ(read.mtime_ns, article.mtime_ns);
  EXPECT_EQ(read.inode, article.inode);
  EXPECT_EQ(site.at("index.html").key, 7u);
  EXPECT_EQ(read_written_documents(cache, "/srv/other").at("index.html").inode, 11);
}

TEST(WrittenDocuments, ABuildReplacesTheListOfItsSite) {
  const auto cache = testing::fresh_temp_dir("written-documents-replaced") / "c";
  save_written_documents(cache, "/srv/site", {{"a.html", {1, 1, 1, 1}}, {"b.html", {2, 2, 2, 2}}});
  save_written_documents(cache, "/srv/site", {{"b.html", {3, 3, 3, 3}}});
  const auto site = read_written_documents(cache, "/srv/site");
  ASSERT_EQ(site.size(), 1u);
  EXPECT_EQ(site.at("b.html").key, 3u);
}

TEST(WrittenDocuments, ATruncatedListIsAStoreErrorNotAGuess) {
  const auto cache = testing::fresh_temp_dir("written-documents-truncated") / "c";
  save_written_documents(cache, "/srv/site", {{"index.html", {1, 2, 3, 4}}});
  {
    Database db(cache, false);
    db.execute("UPDATE documents SET entries = substr(entries, 1, 20)");
  }
  EXPECT_THROW(read_written_documents(cache, "/srv/site"), StoreError);
}

}  // namespace
}  // namespace blogarchive::store
