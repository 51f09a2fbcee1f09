// Exit codes and messages for bad input, through the real executable.
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Cli, PrintsVersionAndHelp) {
  EXPECT_EQ(run_cli("--version").exit_code, 0);
  for (const char* command : {"import --help", "build --help", "serve --help", "--help"}) {
    const auto run = run_cli(command);
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(contains(run.output, "Usage")) << command;
  }
}

TEST(Cli, ReturnsTwoForUsageErrors) {
  EXPECT_EQ(run_cli("").exit_code, 2);
  EXPECT_EQ(run_cli("frobnicate").exit_code, 2);
  EXPECT_EQ(run_cli("import x.xml").exit_code, 2);  // --store missing
}

TEST(Cli, ImportOfAMissingFileFailsAndCreatesNoStore) {
  const auto dir = fresh_temp_dir("cli-missing");
  const auto run = run_cli("import '" + (dir / "no-such.xml").string() + "' --store '" + (dir / "out.db").string() + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "error: cannot import")) << run.output;
  EXPECT_TRUE(contains(run.output, "no such file")) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.db"));
}

TEST(Cli, ImportOfADirectoryOrNonExportSaysSo) {
  const auto dir = fresh_temp_dir("cli-kind");
  const auto run = run_cli("import '" + dir.string() + "' --store '" + (dir / "out.db").string() + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "is a folder, but neither a Jekyll site")) << run.output;
  std::ofstream(dir / "notes.txt") << "just some notes";
  const auto other = run_cli("import '" + (dir / "notes.txt").string() + "' --store '" + (dir / "out.db").string() + "'");
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_TRUE(contains(other.output, "supported: wordpress")) << other.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.db"));
}

TEST(Cli, MalformedExportLeavesTheStoreUntouchedAndNamesThePosition) {
  const auto dir = fresh_temp_dir("cli-malformed");
  const auto store = (dir / "blog.db").string();
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  ASSERT_EQ(run_cli("import '" + good.string() + "' --store '" + store + "'").exit_code, 0);
  const std::string before = read_file(store);
  const auto bad = shared_fixtures_dir() / "wordpress-importer" / "malformed.xml";
  const auto run = run_cli("import '" + bad.string() + "' --store '" + store + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "malformed.xml:90:")) << run.output;
  EXPECT_TRUE(contains(run.output, "--recover")) << run.output;
  EXPECT_EQ(read_file(store), before);
}

TEST(Cli, RecoverImportsWhatItCanAndReportsRepairs) {
  const auto dir = fresh_temp_dir("cli-recover");
  const auto bad = shared_fixtures_dir() / "ghost-migrate" / "mg-wp-xml" / "sample.xml";
  const auto run = run_cli("import --recover '" + bad.string() + "' --store '" + (dir / "b.db").string() + "'");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "XML repaired: ")) << run.output;
}

TEST(Cli, ReimportDoesNotDuplicate) {
  const auto dir = fresh_temp_dir("cli-reimport");
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli("import '" + good.string() + "' --store '" + store + "'").exit_code, 0);
  ASSERT_EQ(run_cli("import '" + good.string() + "' --store '" + store + "'").exit_code, 0);
  const auto config = source_dir() / "examples" / "archive.toml";
  const auto built = run_cli("build --store '" + store + "' --config '" + config.string() + "' --out '" + (dir / "site").string() + "'");
  EXPECT_TRUE(contains(built.output, "15 articles, 4 pages")) << built.output;
}

TEST(Cli, BuildWithABadConfigFailsAndKeepsTheOldSite) {
  const auto dir = fresh_temp_dir("cli-config");
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli("import '" + good.string() + "' --store '" + store + "'").exit_code, 0);
  std::filesystem::create_directories(dir / "site");
  std::ofstream(dir / "site" / "index.html") << "old";
  std::ofstream(dir / "bad.toml") << "base_url = \"https://a.example/\"\ncolour = \"blue\"\n";
  const auto run = run_cli("build --store '" + store + "' --config '" + (dir / "bad.toml").string() + "' --out '" + (dir / "site").string() + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "bad.toml:2:10: unknown key 'colour'")) << run.output;
  EXPECT_EQ(read_file(dir / "site" / "index.html"), "old");
  const auto missing = run_cli("build --store '" + (dir / "none.db").string() + "' --config '" +
                               (source_dir() / "examples" / "archive.toml").string() + "' --out '" + (dir / "site").string() + "'");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "run blogarchive import first")) << missing.output;
}

TEST(Cli, BuildNamesAMissingOrBrokenPrivacyPolicyAndKeepsTheOldSite) {
  const auto dir = fresh_temp_dir("cli-privacy");
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli("import '" + (source_dir() / "examples" / "werkstattblog.wordpress.xml").string() +
                    "' --store '" + store + "'").exit_code, 0);
  std::filesystem::create_directories(dir / "site");
  std::ofstream(dir / "site" / "index.html") << "old";
  std::ofstream(dir / "archive.toml") << "base_url = \"https://a.example/\"\n[cookie_notice]\n"
                                         "privacy_markdown = \"datenschutz.md\"\n";
  const std::string build = "build --store '" + store + "' --config '" + (dir / "archive.toml").string() +
                            "' --out '" + (dir / "site").string() + "'";
  const auto missing = run_cli(build);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "cannot read the privacy policy")) << missing.output;
  EXPECT_TRUE(contains(missing.output, "datenschutz.md")) << missing.output;

  std::ofstream(dir / "datenschutz.md") << "# Datenschutz\n\nGespeichert wird nichts.\nAu\xDF" "er Latin-1.\n";
  const auto latin1 = run_cli(build);
  EXPECT_EQ(latin1.exit_code, 1);
  EXPECT_TRUE(contains(latin1.output, "datenschutz.md:4:3: the privacy policy is not UTF-8")) << latin1.output;
  EXPECT_EQ(read_file(dir / "site" / "index.html"), "old");
}

}  // namespace blogarchive::testing
