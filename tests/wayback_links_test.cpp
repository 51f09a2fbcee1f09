// wayback_links on the sample: each external link of an article gets the Wayback
// Machine's copy from the article's date, beside it or instead of it; off by default.
#include <gtest/gtest.h>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

std::string sawmill_page(const std::string& name, const std::string& setting) {
  const auto dir = fresh_temp_dir(name);
  const auto config = setting + read_file(source_dir() / "examples/archive.toml");
  const auto built =
      import_and_build(dir, {source_dir() / "examples/werkstattblog.wordpress.xml"}, config);
  EXPECT_EQ(built.build.exit_code, 0) << built.build.output;
  return built.files.count("2008/05/besuch-im-saegewerk/index.html")
             ? built.files.at("2008/05/besuch-im-saegewerk/index.html")
             : "";
}

constexpr const char* kCopy =
    "https://web.archive.org/web/20080510094500/http://saegewerk.example.com/bilder/holzplatz.jpg";

TEST(WaybackLinks, AreOffByDefault) {
  EXPECT_EQ(sawmill_page("wayback-off", "").find("web.archive.org"), std::string::npos);
}

TEST(WaybackLinks, BesideAddsTheCopyFromThePostsDate) {
  const std::string page = sawmill_page("wayback-beside", "wayback_links = \"beside\"\n");
  EXPECT_NE(page.find(std::string("(<a class=\"wayback\" href=\"") + kCopy +
                      "\">archivierte Fassung</a>)"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("href=\"http://saegewerk.example.com/bilder/holzplatz.jpg\""),
            std::string::npos);
}

TEST(WaybackLinks, ReplacePointsTheLinkAtTheCopy) {
  const std::string page = sawmill_page("wayback-replace", "wayback_links = \"replace\"\n");
  EXPECT_NE(page.find(std::string("href=\"") + kCopy +
                      "\" title=\"http://saegewerk.example.com/bilder/holzplatz.jpg\""),
            std::string::npos)
      << page;
}

TEST(WaybackLinks, RejectsAnUnknownSettingWithWhereAndWhatToWrite) {
  const auto dir = fresh_temp_dir("wayback-bad");
  const auto built = import_and_build(
      dir, {source_dir() / "examples/werkstattblog.wordpress.xml"},
      "wayback_links = \"always\"\n" + read_file(source_dir() / "examples/archive.toml"));
  EXPECT_NE(built.build.exit_code, 0);
  EXPECT_NE(built.build.output.find("archive.toml:1:17: wayback_links is \"always\"; use \"off\""),
            std::string::npos)
      << built.build.output;
}

}  // namespace
}  // namespace blogarchive::testing
