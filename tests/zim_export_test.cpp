// The ZIM export checked by openZIM's own tools: zimcheck -A (every check, internal links
// included) passes, and Kiwix's server answers a page, an image, an old URL and a search.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include "run_cli.hpp"
#include "services.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

std::filesystem::path export_zim(const std::string& name, const std::filesystem::path& input,
                                 const std::filesystem::path& config,
                                 const Arguments& import_options = {}) {
  const auto dir = fresh_temp_dir(name);
  for (const auto& beside : std::filesystem::directory_iterator(config.parent_path())) {
    if (beside.path().extension() == ".md") {  // a privacy policy the config names
      std::filesystem::copy_file(beside.path(), dir / beside.path().filename());
    }
  }
  std::filesystem::copy_file(config, dir / "archive.toml");
  const std::string d = dir.string();
  EXPECT_EQ(run_cli(Arguments{"import", input, "--store", dir / "blog.db", "-q"} + import_options)
                .exit_code,
            0);
  const auto run = run_cli({"export", "--store", d + "/blog.db", "--config", d + "/archive.toml",
                            "--zim", fmt::format("{0}/{1}.zim", d, name)});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(fmt::format("wrote {}/{}.zim: ", d, name)), std::string::npos)
      << run.output;
  return dir / (name + ".zim");
}

CliRun zimcheck(const std::filesystem::path& zim) {
  CliRun run;
  FILE* pipe = ::popen(("zimcheck -A " + zim.string() + " 2>&1").c_str(), "r");
  char buffer[4096];
  while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    run.output += buffer;
  }
  run.exit_code = pipe != nullptr ? WEXITSTATUS(::pclose(pipe)) : -1;
  return run;
}

TEST(ZimExport, PassesZimcheckAndKiwixServeAnswersPagesImagesOldUrlsAndSearches) {
  const auto source = source_dir();
  const auto zim =
      export_zim("werkstatt", source / "examples/werkstattblog.wordpress.xml",
                 source / "examples/archive.toml", {"--uploads", source / "examples/uploads"});
  const auto check = zimcheck(zim);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("Overall Test Status: Pass"), std::string::npos) << check.output;

  const int port = free_port();
  const BackgroundProcess kiwix(
      {"kiwix-serve", "--address=127.0.0.1", "--port=" + std::to_string(port), zim.string()}, port);
  ASSERT_TRUE(kiwix.running());
  const std::string book = "http://127.0.0.1:" + std::to_string(port) + "/werkstatt/";
  const auto page = http_get(book + "2007/03/hobelbank-fertig/index.html");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<h1>Die Hobelbank ist fertig</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("src=\"../../../wp-content/uploads/2007/03/hobelbank-300x200.jpg\""),
            std::string::npos);
  EXPECT_EQ(page.body.find("class=\"site-search\""), std::string::npos)
      << "Kiwix searches, not the archive";
  const auto image = http_get(book + "wp-content/uploads/2007/03/hobelbank.jpg");
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.body, read_file(source / "examples/uploads/2007/03/hobelbank.jpg"));
  const auto old_url = http_get(book + "index.php/2007/03/hobelbank-fertig");
  EXPECT_EQ(path_of(old_url.location), "/werkstatt/2007/03/hobelbank-fertig/index.html")
      << old_url.status;
  // The full-text index stems German: the plural finds the article.
  const auto search = http_get("http://127.0.0.1:" + std::to_string(port) +
                               "/search?content=werkstatt&pattern=Hobelb%C3%A4nke");
  EXPECT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("href=\"/werkstatt/2007/03/hobelbank-fertig/index.html\""),
            std::string::npos)
      << search.body;
}

TEST(ZimExport, OfTheThemeUnitTestPassesZimcheck) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto zim = export_zim(
      "theme-unit-test",
      shared_fixtures_dir() / "wordpress-theme-unit-test/themeunittestdata.wordpress.xml",
      source_dir() / "tests/browser/theme-unit-test.toml");
  const auto check = zimcheck(zim);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("Overall Test Status: Pass"), std::string::npos) << check.output;
}

}  // namespace
}  // namespace blogarchive::testing
