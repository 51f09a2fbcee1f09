// Movable Type exports end to end: detected by content, imported next to each other,
// built into one archive, with nothing private in it.
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {

TEST(MovableType, ArchivesTheRealExportsWithoutTheirDraftsOrCommentersAddresses) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("movabletype");
  const auto fixtures = shared_fixtures_dir() / "google-blog-converters";
  const std::string store = dir / "blog.db";
  const Arguments import{"import", fixtures / "movabletype-sample2.txt",
                         fixtures / "movabletype-sample.txt", "--store", store};
  const auto imported = run_cli(import);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("read as Windows-1252"), std::string::npos) << imported.output;
  // Importing again changes nothing: ids are derived from the entries, not counted.
  const auto again = run_cli(import);
  ASSERT_EQ(again.exit_code, 0) << again.output;

  std::ofstream(dir / "archive.toml")
      << "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n";
  const auto built = run_cli({"build", "--store", store, "--config",
                              (dir / "archive.toml").string(), "--out", (dir / "site").string()});
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_NE(built.output.find("295 articles"), std::string::npos)
      << built.output;  // 1 + 294 published

  const auto files = read_tree(dir / "site");
  const auto page = files.find("2008/11/my_first_post/index.html");
  ASSERT_NE(page, files.end());
  EXPECT_NE(page->second.find("<h2>3 comments</h2>"), std::string::npos);
  EXPECT_NE(page->second.find("This is the extended body"), std::string::npos);
  for (const auto& [path, content] : files) {
    for (const char* secret :
         {"jlueck@google.com", "jlueck@alum.mit.edu", "172.31.47.193", "Mike Meisner"}) {
      EXPECT_EQ(content.find(secret), std::string::npos) << path << " holds " << secret;
    }
  }
}

TEST(MovableType, ForcedFormatsAreCheckedAndNamed) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("movabletype-format");
  const auto mt = shared_fixtures_dir() / "aereal-mt" / "ok.txt";
  const std::string store = dir / "blog.db";
  const auto forced = run_cli({"import", mt.string(), "--format", "movabletype", "--store", store});
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  const auto unknown =
      run_cli({"import", mt.string(), "--format", "typepad-classic", "--store", store});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.output.find("unknown format 'typepad-classic' (supported: wordpress, "
                                "movabletype, blogger, feed, sqldump, jekyll, hugo)"),
            std::string::npos)
      << unknown.output;
}

}  // namespace blogarchive::testing
