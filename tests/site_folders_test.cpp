// Jekyll and Hugo site folders end to end: the test sites of both projects become
// archives whose pages keep the old paths, inside the site, without drafts.
#include <gtest/gtest.h>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

constexpr const char* kConfig = "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n";

bool any_file_contains(const std::map<std::string, std::string>& files, const std::string& text) {
  for (const auto& [path, content] : files) {
    if (content.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST(SiteFolders, JekyllTestSiteKeepsItsPathsAndStaysInside) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("jekyll-site");
  const auto archive =
      import_and_build(dir, {shared_fixtures_dir() / "jekyll" / "source"}, kConfig);
  ASSERT_EQ(archive.build.exit_code, 0) << archive.import.output << archive.build.output;
  EXPECT_NE(archive.build.output.find("59 articles"), std::string::npos) << archive.build.output;
  // Only published.html is written in publish_test/2008/02/02/ (fixture-assertions §11).
  EXPECT_TRUE(archive.files.count("publish_test/2008/02/02/published.html"));
  EXPECT_FALSE(archive.files.count("publish_test/2008/02/02/not-published.html"));
  EXPECT_TRUE(archive.files.count("2017/02/05/i-dont-like-zeroes.html"));
  EXPECT_TRUE(archive.files.count("2016/11/26/special-chars-(+).html"));
  // permalink: /%2e%2e/%2e%2e/%2e%2e/baddie.html stays inside the site.
  EXPECT_TRUE(archive.files.count("baddie.html"));
  EXPECT_FALSE(std::filesystem::exists(dir / "baddie.html"));
  EXPECT_FALSE(std::filesystem::exists(dir.parent_path() / "baddie.html"));
  // The body of the post with published: false, as Markdown renders it.
  EXPECT_FALSE(any_file_contains(archive.files, "This should <em>not</em> be published"));
  EXPECT_FALSE(any_file_contains(archive.files, "Not published!"));
  EXPECT_FALSE(any_file_contains(archive.files, "Properties Draft"));
}

TEST(SiteFolders, HugoExampleBecomesAnArchiveWithPrivacyPlaceholders) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto archive = import_and_build(fresh_temp_dir("hugo-site"),
                                        {shared_fixtures_dir() / "hugo-basic-example"}, kConfig);
  ASSERT_EQ(archive.build.exit_code, 0) << archive.import.output << archive.build.output;
  EXPECT_NE(archive.build.output.find("5 articles, 1 pages"), std::string::npos)
      << archive.build.output;
  const auto rich = archive.files.find("post/rich-content/index.html");
  ASSERT_NE(rich, archive.files.end());
  // The youtube shortcode became an embed, and the embed a placeholder: no player loads.
  EXPECT_NE(rich->second.find("embed embed-youtube"), std::string::npos);
  EXPECT_EQ(rich->second.find("<iframe"), std::string::npos);
  EXPECT_FALSE(any_file_contains(archive.files, "We Help Business Grow"));  // the headless bundle
}

TEST(SiteFolders, ImportingAFolderAgainChangesNothing) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("hugo-again");
  const std::string store = dir / "blog.db";
  const std::string site = shared_fixtures_dir() / "hugo-basic-example";
  const auto first = run_cli({"import", site, "--store", store});
  const auto second = run_cli({"import", site, "--format", "hugo", "--store", store});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_EQ(first.output, second.output);
  const auto forced = run_cli({"import", site, "--format", "wordpress", "--store", store});
  EXPECT_NE(forced.exit_code, 0);
  EXPECT_NE(forced.output.find("is a folder, but the wordpress format is read from a file"),
            std::string::npos)
      << forced.output;
}

// The posts folder named on its own is read as the site around it: the same items as
// the site itself, so the same archive.
TEST(SiteFolders, APostsFolderGivenDirectlyIsReadAsItsSite) {
  for (const auto& [generator, posts] :
       {std::pair{"hugo", "content"}, std::pair{"jekyll", "_posts"}}) {
    const auto dir = fresh_temp_dir(std::string("posts-folder-") + generator);
    const auto site = source_dir() / "tests" / "golden" / generator / "input" / "site";
    const auto whole = run_cli({"import", site.string(), "--store", (dir / "whole.db").string()});
    const auto part =
        run_cli({"import", (site / posts).string(), "--store", (dir / "part.db").string()});
    ASSERT_EQ(part.exit_code, 0) << part.output;
    EXPECT_NE(part.output.find("read as the site around it: " + site.string()), std::string::npos)
        << part.output;
    // The report after its first line ("imported PATH"), without the line that says so.
    std::string report = part.output.substr(part.output.find('\n'));
    const auto said = report.find("  read as the site around it");
    report.erase(said, report.find('\n', said) + 1 - said);
    EXPECT_EQ(report, whole.output.substr(whole.output.find('\n'))) << generator;
  }
}

}  // namespace blogarchive::testing
