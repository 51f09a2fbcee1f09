// Golden-site tests: each folder under tests/golden holds a small export (or a Jekyll or
// Hugo site folder, input/site/) with its config (input/) and the complete site
// blogarchive must build from it (expected/).
// Every file is compared byte for byte, so any change to the output shows up in review.
// input/never-published.txt lists text of the export that must appear in no output file
// (drafts, private posts, spam, e-mail and IP addresses), one per line.
// The theme's static files (assets/) are compared with themes/default/static instead of
// being stored again in every case.
//
// expected-exports/ holds what `export --nginx` and `--caddy` write for the same store:
// the redirect maps for servers whose config lives outside the site.
//
// After an intended change, regenerate with scripts/update-golden.sh (which sets
// BLOGARCHIVE_UPDATE_GOLDEN=1) and read the diff before committing it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "blogarchive/blogarchive.hpp"
#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

std::filesystem::path golden_dir() {
  return source_dir() / "tests" / "golden";
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "input" / "archive.toml")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Where two versions of a file first differ, as "line N: expected … / actual …".
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string line_a;
  std::string line_b;
  for (int number = 1;; ++number) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_b = static_cast<bool>(std::getline(b, line_b));
    if (!more_a && !more_b) {
      return "differs only in line endings or the final newline";
    }
    if (!more_a || !more_b || line_a != line_b) {
      return "line " + std::to_string(number) +
             ":\n  expected: " + (more_a ? line_a : "<end of file>") +
             "\n  actual:   " + (more_b ? line_b : "<end of file>");
    }
  }
}

constexpr std::string_view kAssets = "assets/";

bool is_asset(const std::string& path) {
  return path.rfind(kAssets, 0) == 0;
}

void replace_expected(const std::filesystem::path& expected, const std::filesystem::path& built) {
  std::filesystem::remove_all(expected);
  std::filesystem::copy(built, expected, std::filesystem::copy_options::recursive);
  std::filesystem::remove_all(expected / kAssets);
}

void expect_theme_assets(const std::map<std::string, std::string>& actual) {
  const auto theme_static = read_tree(source_dir() / "themes" / "default" / "static");
  for (const auto& [path, bytes] : theme_static) {
    const auto found = actual.find(std::string(kAssets) + path);
    ASSERT_NE(found, actual.end()) << "assets/" << path << " was not generated";
    EXPECT_EQ(found->second, bytes) << "assets/" << path << " is not the theme's file";
  }
}

void expect_nothing_unpublished(const std::filesystem::path& list,
                                const std::map<std::string, std::string>& actual) {
  std::istringstream lines(read_file(list));
  int count = 0;
  for (std::string secret; std::getline(lines, secret);) {
    if (secret.empty() || secret.front() == '#') {
      continue;
    }
    ++count;
    for (const auto& [path, bytes] : actual) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << path << " contains \"" << secret << "\"";
    }
  }
  EXPECT_GT(count, 0) << list << " lists nothing";
}

// Every expected file generated with the same bytes, and nothing else but theme assets.
void expect_same_tree(const std::string& name, const std::map<std::string, std::string>& expected,
                      const std::map<std::string, std::string>& actual) {
  for (const auto& [path, bytes] : expected) {
    const auto found = actual.find(path);
    if (found == actual.end()) {
      ADD_FAILURE() << name << ": " << path << " was not generated";
    } else if (found->second != bytes) {
      ADD_FAILURE() << name << ": " << path << " differs, "
                    << first_difference(bytes, found->second);
    }
  }
  for (const auto& [path, bytes] : actual) {
    EXPECT_TRUE(expected.count(path) > 0 || is_asset(path))
        << name << ": " << path << " was generated but is not expected";
  }
}

class GoldenSite : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenSite, BuildsExactlyTheExpectedTree) {
  const auto input = golden_dir() / GetParam() / "input";
  const auto expected_dir = golden_dir() / GetParam() / "expected";
  const auto work = fresh_temp_dir("golden-" + GetParam());
  const auto store = work / "blog.db";

  std::vector<std::filesystem::path> exports;
  for (const auto& entry : std::filesystem::directory_iterator(input)) {
    const bool site_folder =
        entry.is_directory() && entry.path().filename() == "site";  // Jekyll, Hugo
    if (site_folder || entry.path().extension() == ".xml" ||
        (entry.path().extension() == ".txt" && entry.path().stem() != "never-published")) {
      exports.push_back(entry.path());
    }
  }
  std::sort(exports.begin(), exports.end());
  ASSERT_FALSE(exports.empty()) << input << " has no export";
  for (const auto& file : exports) {
    const auto imported = run_cli({"import", file.string(), "--store", store.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  const auto built =
      run_cli({"build", "--store", store.string(), "--config", (input / "archive.toml").string(),
               "--out", (work / "site").string()});
  ASSERT_EQ(built.exit_code, 0) << built.output;

  std::filesystem::create_directories(work / "exports");
  const auto exported =
      run_cli({"export", "--store", store.string(), "--config", (input / "archive.toml").string(),
               "--nginx", (work / "exports/redirects.conf").string(), "--caddy",
               (work / "exports/redirects.caddy").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;

  const auto exports_dir = golden_dir() / GetParam() / "expected-exports";
  const char* update = std::getenv("BLOGARCHIVE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    replace_expected(expected_dir, work / "site");
    replace_expected(exports_dir, work / "exports");
    GTEST_SKIP() << "updated " << expected_dir << " and " << exports_dir;
  }
  ASSERT_TRUE(std::filesystem::is_directory(expected_dir))
      << expected_dir << " is missing; run scripts/update-golden.sh and review the result";
  const auto actual = read_tree(work / "site");
  if (std::filesystem::exists(input / "never-published.txt")) {
    expect_nothing_unpublished(input / "never-published.txt", actual);
  }
  expect_same_tree(GetParam(), read_tree(expected_dir), actual);
  expect_same_tree(GetParam(), read_tree(exports_dir), read_tree(work / "exports"));
  expect_theme_assets(actual);
  // The first build filled the render and search caches; a build that reuses them must
  // give the same bytes (a cache key missing an input would show here). It runs in this
  // process and into memory (BuildOptions::sink), which must give what the disk got.
  std::map<std::string, std::string> warm;
  BuildOptions options;
  options.store_path = store;
  options.config_path = input / "archive.toml";
  options.quiet = true;
  options.sink = [&warm](const std::string& path, std::string_view bytes) {
    warm.emplace(path, bytes);
  };
  std::ostringstream report;
  build_site(options, report);
  EXPECT_NE(report.str().find("built in memory: "), std::string::npos) << report.str();
  EXPECT_EQ(warm, actual) << GetParam() << ": the warm build differs from the cold one";
}

// gtest names may not contain '-'.
std::string test_name(const ::testing::TestParamInfo<std::string>& case_info) {
  std::string name = case_info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenSite, ::testing::ValuesIn(golden_cases()), test_name);

}  // namespace
}  // namespace blogarchive::testing
