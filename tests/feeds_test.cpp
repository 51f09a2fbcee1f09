// Feeds end to end: a blog that is left only as its RSS feed becomes an archive whose
// articles keep their old addresses, without the addresses of their authors.
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {

TEST(Feeds, ArchiveKeepsTheOldPermalinksAndNoAuthorAddresses) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto archive =
      import_and_build(fresh_temp_dir("feeds"),
                       {shared_fixtures_dir() / "simplepie" / "feed_rss-2.0_for_file_mock.xml",
                        shared_fixtures_dir() / "feedparser" / "examples" / "rss20.xml"},
                       "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n");
  ASSERT_EQ(archive.build.exit_code, 0) << archive.import.output << archive.build.output;
  EXPECT_NE(archive.build.output.find("101 articles"), std::string::npos) << archive.build.output;
  const auto& files = archive.files;
  // <link>https://rss.com/blog/how-to-start-a-second-podcast/</link> keeps its path.
  EXPECT_TRUE(files.count("blog/how-to-start-a-second-podcast/index.html"));
  for (const auto& [path, content] : files) {
    EXPECT_EQ(content.find("mark@example.org"), std::string::npos) << path;
  }
}

}  // namespace blogarchive::testing

namespace blogarchive::testing {

TEST(Blogger, ArchiveKeepsTheBlogspotAddressesAndNoDraftsOrAddresses) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto archive = import_and_build(
      fresh_temp_dir("blogger"), {shared_fixtures_dir() / "pelican" / "bloggerexport.xml"},
      "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n");
  ASSERT_EQ(archive.build.exit_code, 0) << archive.import.output << archive.build.output;
  const auto& files = archive.files;
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
