// `blogarchive check` on real archives: clean ones pass, and what is planted in them is found.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

struct Checked {
  std::filesystem::path dir;
  CliRun check;
};

CliRun check(const std::filesystem::path& dir, const Arguments& extra = {}) {
  return run_cli(Arguments{"check", dir / "site", "--store", dir / "blog.db"} + extra);
}

std::filesystem::path built_sample(const std::string& name) {
  const auto dir = fresh_temp_dir(name);
  const std::string d = dir.string();
  const auto source = source_dir().string();
  EXPECT_EQ(run_cli({"import", source + "/examples/werkstattblog.wordpress.xml", "--store",
                     d + "/blog.db", "-q", "--uploads", source + "/examples/uploads"})
                .exit_code,
            0);
  EXPECT_EQ(run_cli({"build", "--store", d + "/blog.db", "--config",
                     source + "/examples/archive.toml", "--out", d + "/site", "-q"})
                .exit_code,
            0);
  return dir;
}

TEST(Check, PassesTheSample) {
  const auto sample = built_sample("check-sample");
  const auto run = check(sample);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("broken internal links: 0\n"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("result: every link and every old URL answers"), std::string::npos);
}

TEST(Check, PassesTheThemeUnitTest) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("check-theme-unit-test");
  std::filesystem::copy_file(source_dir() / "tests/browser/theme-unit-test-privacy.md",
                             dir / "theme-unit-test-privacy.md");
  const auto built = import_and_build(
      dir, {shared_fixtures_dir() / "wordpress-theme-unit-test/themeunittestdata.wordpress.xml"},
      read_file(source_dir() / "tests/browser/theme-unit-test.toml"));
  ASSERT_EQ(built.build.exit_code, 0) << built.build.output;
  const auto unit = run_cli({"check", dir.string() + "/site", "--store", dir.string() + "/blog.db",
                             "--config", dir.string() + "/archive.toml"});
  EXPECT_EQ(unit.exit_code, 0) << unit.output;
  EXPECT_NE(unit.output.find("  362  wpthemetestdata.files.wordpress.com\n"), std::string::npos)
      << unit.output;
}

TEST(Check, FindsABrokenLinkPlantedInABuiltSite) {
  const auto dir = built_sample("check-planted");
  std::ofstream(dir / "site/2010/01/rueckblick-auf-vier-jahre/index.html", std::ios::app)
      << "<a href=\"../../../gibt-es-nicht/\">kaputt</a><img "
         "src=\"/wp-content/uploads/fehlt.jpg\">";
  const auto run = check(dir);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(
      run.output.find(
          "broken internal links: 2\n"
          "  /2010/01/rueckblick-auf-vier-jahre/ → ../../../gibt-es-nicht/\n"
          "  /2010/01/rueckblick-auf-vier-jahre/ → /wp-content/uploads/fehlt.jpg (resource)\n"),
      std::string::npos)
      << run.output;
  const auto json = check(dir, {"--json"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NE(
      json.output.find(
          "{\"page\":\"/2010/01/rueckblick-auf-vier-jahre/\",\"url\":\"../../../gibt-es-nicht/\","
          "\"resource\":false}"),
      std::string::npos)
      << json.output;
}

TEST(Check, FindsAnOldUrlThatNoLongerAnswers) {
  const auto dir = built_sample("check-old-url");
  std::filesystem::remove_all(dir / "site/2007/03/hobelbank-fertig");
  const auto run = check(dir);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(
      run.output.find(
          "  /2007/03/hobelbank-fertig/ (post 104 \"Die Hobelbank ist fertig\"): neither a page "
          "nor a redirect\n"),
      std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("  /?p=104 (post 104 \"Die Hobelbank ist fertig\"): redirected to "
                            "/2007/03/hobelbank-fertig/, which is missing\n"),
            std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace blogarchive::testing
