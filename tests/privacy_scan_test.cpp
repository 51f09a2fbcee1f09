// The privacy scan on every WordPress export we have: import, build, then search every
// output file (HTML, XML, JS, _headers, anything) for every e-mail address, IP address
// and unpublished passage the export holds (tests/support/privacy_scan.hpp).
#include "privacy_scan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "run_cli.hpp"
#include "search/index_files.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

bool is_wxr(const std::filesystem::path& file) {
  const std::string head = read_file(file).substr(0, 4096);
  return head.find("wordpress.org/export") != std::string::npos;
}

std::vector<std::filesystem::path> wordpress_exports() {
  std::vector<std::filesystem::path> exports{source_dir() / "examples" /
                                             "werkstattblog.wordpress.xml"};
  for (const auto& root : {shared_fixtures_dir(), source_dir() / "tests" / "golden"}) {
    if (!std::filesystem::is_directory(root)) {
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".xml" && is_wxr(entry.path())) {
        exports.push_back(entry.path());
      }
    }
  }
  std::sort(exports.begin(), exports.end());
  return exports;
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  // "fixtures/wordpress-importer/malformed.xml", "wordpress-rules/input/export.xml":
  // unique among the exports, and the same wherever the checkout lives.
  const auto& path = info.param;
  std::string name = (path.parent_path().parent_path().filename() / path.parent_path().filename() /
                      path.filename())
                         .string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

// Archives `export_file`; false when even the recovering reader refuses it (then
// nothing is published and there is nothing to scan).
bool archive(const std::filesystem::path& export_file, const std::filesystem::path& dir) {
  const std::string store = dir / "blog.db";
  if (run_cli({"import", export_file, "--store", store}).exit_code != 0 &&
      run_cli({"import", export_file, "--store", store, "--recover"}).exit_code != 0) {
    return false;
  }
  std::ofstream(dir / "archive.toml")
      << "base_url = \"https://archive.example.org/\"\nlanguage = \"en\"\n";
  const auto built = run_cli({"build", "--quiet", "--store", store, "--config",
                              (dir / "archive.toml").string(), "--out", (dir / "site").string()});
  EXPECT_EQ(built.exit_code, 0) << built.output;
  return true;
}

class PrivacyScan : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(PrivacyScan, NoOutputFileHoldsAnythingPrivateFromTheExport) {
  const auto dir = fresh_temp_dir("privacy-scan");
  const PrivateFacts facts = private_facts_of_wxr(GetParam());
  if (!archive(GetParam(), dir)) {
    GTEST_SKIP() << "not importable even with --recover: nothing is published";
  }
  const auto files = read_tree(dir / "site");
  ASSERT_FALSE(files.empty());
  const auto leaks = find_leaks(files, facts);
  EXPECT_TRUE(leaks.empty()) << leaks.size() << " leaks, the first: " << leaks.front();
  RecordProperty("private_facts", static_cast<int>(facts.size()));
}

INSTANTIATE_TEST_SUITE_P(WordPressExports, PrivacyScan, ::testing::ValuesIn(wordpress_exports()),
                         test_name);

TEST(PrivacyScanHelper, FindsWhatTheSampleHidesAndReportsAPlantedLeak) {
  const PrivateFacts facts =
      private_facts_of_wxr(source_dir() / "examples" / "werkstattblog.wordpress.xml");
  // The sample's commenters, the spam comment's address and IP, and the draft.
  EXPECT_TRUE(facts.emails.count("billig-uhren@leser.example.org"));
  EXPECT_TRUE(facts.ips.count("198.51.100.3"));
  EXPECT_GE(facts.texts.size(), 3u);
  const std::map<std::string, std::string> site{
      {"index.html", "<p>Kontakt: billig-uhren@leser.example.org</p>"},
      {"atom.xml", "<feed></feed>"}};
  const auto leaks = find_leaks(site, facts);
  ASSERT_EQ(leaks.size(), 1u);
  EXPECT_EQ(leaks.front(), "index.html: billig-uhren@leser.example.org");
}

TEST(PrivacyScanHelper, ReadsTheCompressedSearchIndex) {
  const PrivateFacts facts =
      private_facts_of_wxr(source_dir() / "examples" / "werkstattblog.wordpress.xml");
  const search::Analyzer analyzer(search::Language::German);
  search::IndexBuilder builder(search::Language::German);
  builder.add(0, {"/x/", "Titel", "", "", "Kontakt: billig-uhren@leser.example.org"}, analyzer);
  std::map<std::string, std::string> site;
  for (auto& file : search::index_files(builder.finish())) {
    site.emplace(file.path, std::move(file.bytes));
  }
  const auto leaks = find_leaks(site, facts);
  ASSERT_EQ(leaks.size(), 1u);  // found although every index file is gzip-compressed
  EXPECT_EQ(leaks.front(), "search/ (the index, decompressed): billig-uhren@leser.example.org");
}

TEST(PrivacyScanHelper, ScansEnoughExportsToMeanSomething) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  std::size_t exports = 0;
  std::size_t facts = 0;
  for (const auto& file : wordpress_exports()) {
    ++exports;
    facts += private_facts_of_wxr(file).size();
  }
  EXPECT_GE(exports, 30u);
  EXPECT_GE(facts, 100u);
}

}  // namespace
}  // namespace blogarchive::testing
