// Feeds end to end: a blog that is left only as its RSS feed becomes an archive whose
// articles keep their old addresses, without the addresses of their authors.
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {

TEST(Feeds, ArchiveKeepsTheOldPermalinksAndNoAuthorAddresses) {
  const auto dir = fresh_temp_dir("feeds");
  const std::string store = "'" + (dir / "blog.db").string() + "'";
  const auto rss = shared_fixtures_dir() / "simplepie" / "feed_rss-2.0_for_file_mock.xml";
  const auto sample = shared_fixtures_dir() / "feedparser" / "examples" / "rss20.xml";
  const auto imported = run_cli("import '" + rss.string() + "' '" + sample.string() + "' --store " + store);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  std::ofstream(dir / "archive.toml") << "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n";
  const auto built = run_cli("build --store " + store + " --config '" + (dir / "archive.toml").string() +
                             "' --out '" + (dir / "site").string() + "'");
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_NE(built.output.find("101 articles"), std::string::npos) << built.output;
  const auto files = read_tree(dir / "site");
  // <link>https://rss.com/blog/how-to-start-a-second-podcast/</link> keeps its path.
  EXPECT_TRUE(files.count("blog/how-to-start-a-second-podcast/index.html"));
  for (const auto& [path, content] : files) {
    EXPECT_EQ(content.find("mark@example.org"), std::string::npos) << path;
  }
}

}  // namespace blogarchive::testing

namespace blogarchive::testing {

TEST(Blogger, ArchiveKeepsTheBlogspotAddressesAndNoDraftsOrAddresses) {
  const auto dir = fresh_temp_dir("blogger");
  const std::string store = "'" + (dir / "blog.db").string() + "'";
  const auto backup = shared_fixtures_dir() / "pelican" / "bloggerexport.xml";
  const auto imported = run_cli("import '" + backup.string() + "' --store " + store);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  std::ofstream(dir / "archive.toml") << "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n";
  const auto built = run_cli("build --store " + store + " --config '" + (dir / "archive.toml").string() +
                             "' --out '" + (dir / "site").string() + "'");
  ASSERT_EQ(built.exit_code, 0) << built.output;
  const auto files = read_tree(dir / "site");
  // http://youngdoctornotes.blogspot.com/2010/11/the-steel-windpipe.html answers at the same path.
  const auto page = files.find("2010/11/the-steel-windpipe.html");
  ASSERT_NE(page, files.end());
  EXPECT_NE(page->second.find("1 comment"), std::string::npos);
  for (const auto& [path, content] : files) {
    EXPECT_EQ(content.find("noreply@blogger.com"), std::string::npos) << path;
    EXPECT_EQ(content.find("Black as Egypt"), std::string::npos) << path << " shows the draft";
  }
}

}  // namespace blogarchive::testing
