// A WordPress database backup read directly (`import backup.sql[.gz]`), against a real
// WordPress: Debian's package on a private MariaDB (tests/support/wordpress_site.hpp),
// seeded from the sample, our hidden items and (with ../shared) the Theme Unit Test,
// then dumped with mariadb-dump in its usual forms. The archive from each dump must
// equal the archive from the same site's own WXR export; nothing private in the dump
// may reach the output; double-encoded latin1 columns come back as the text written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>

#include "archive_comparison.hpp"
#include "privacy_scan.hpp"
#include "run_cli.hpp"
#include "store/store.hpp"
#include "test_paths.hpp"
#include "wordpress_site.hpp"

namespace blogarchive::testing {
namespace {

constexpr const char* kConfig = "base_url = \"https://archive.example.org/\"\nlanguage = \"en\"\n";

class WordPressDump : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (WordPressSite::missing()) {
      return;
    }
    dir_ = new std::filesystem::path(fresh_temp_dir("wordpress-dump"));
    site_ = new WordPressSite(*dir_);
    if (!site_->running()) {
      return;
    }
    log_ = new std::string;
    const CliRun installed =
        site_->install("wp_", source_dir() / "examples/werkstattblog.wordpress.xml");
    *log_ += installed.output;
    bool ok = installed.exit_code == 0;
    std::vector<std::filesystem::path> more{source_dir() / "tests/wordpress/hidden-items.xml"};
    if (std::filesystem::is_directory(shared_fixtures_dir())) {
      more.push_back(shared_fixtures_dir() /
                     "wordpress-theme-unit-test/themeunittestdata.wordpress.xml");
    }
    for (const auto& file : more) {
      const CliRun seeded = site_->seed("wp_", file);
      *log_ += seeded.output;
      ok = ok && seeded.exit_code == 0;
    }
    const CliRun exported =
        site_->php("wp_", "export.php", "> " + shell_quoted(*dir_ / "export.xml"));
    *log_ += exported.output;
    ready_ = ok && exported.exit_code == 0;
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
    delete log_;
    delete dir_;
  }
  void SetUp() override {
    if (WordPressSite::skip_here()) {
      GTEST_SKIP() << "no real WordPress here (" << *WordPressSite::missing()
                   << " missing): no dump to read";
    }
    ASSERT_TRUE(site_ != nullptr && site_->running());
    ASSERT_TRUE(ready_) << *log_;
  }

  // Builds the archive of the site's own export once.
  static const BuiltArchive& by_wxr() {
    static const BuiltArchive built = [] {
      std::filesystem::create_directories(*dir_ / "by-wxr");
      return import_and_build(*dir_ / "by-wxr", {*dir_ / "export.xml"}, kConfig);
    }();
    return built;
  }

  // Dumps the database with `arguments` and checks that its archive equals the WXR's.
  static void expect_same_archive(const std::string& name, const std::string& arguments,
                                  bool gzip = false) {
    const auto work = *dir_ / name;
    std::filesystem::create_directories(work);
    const auto dump = work / (gzip ? "backup.sql.gz" : "backup.sql");
    const CliRun dumped = site_->dump(arguments + (gzip ? " | gzip" : ""), dump);
    ASSERT_EQ(dumped.exit_code, 0) << dumped.output;
    ASSERT_EQ(by_wxr().build.exit_code, 0) << by_wxr().import.output << by_wxr().build.output;
    const auto built = import_and_build(work, {dump}, kConfig);
    ASSERT_EQ(built.build.exit_code, 0) << built.import.output << built.build.output;
    const ArchiveComparison comparison =
        compare_archives({"WXR", *dir_ / "by-wxr/blog.db", by_wxr().files},
                         {"dump", work / "blog.db", built.files}, {});
    std::ofstream(work / "dump-vs-wxr.md") << comparison.summary;
    std::cout << name << ": " << comparison.summary.substr(0, comparison.summary.find('\n'))
              << "\n";
    EXPECT_GE(comparison.compared, 20U);
    EXPECT_EQ(comparison.unexplained, std::vector<std::string>{}) << comparison.summary;
    EXPECT_TRUE(
        comparison.site_icon.ends_with("/wp-content/uploads/2011/11/cropped-werkstatt-icon.png"))
        << comparison.site_icon;
    // The author's own replies are known by their user id (compared above), as in the export.
    std::size_t by_users = 0;
    for (const auto& [id, post] : published(work / "blog.db")) {
      by_users += static_cast<std::size_t>(
          std::count_if(post.comments.begin(), post.comments.end(),
                        [](const blog::Comment& c) { return c.user_id != 0; }));
    }
    EXPECT_GE(by_users, 1U);
    // Nothing private: what WordPress's own full export holds of it is searched for in
    // every output file, and the store holds no hidden text, address or hash either.
    const PrivateFacts facts = private_facts_of_wxr(*dir_ / "export.xml");
    EXPECT_GE(facts.size(), 10U);
    EXPECT_EQ(find_leaks(built.files, facts), std::vector<std::string>{});
    const std::string store = read_file(work / "blog.db");
    // (Unpublished items stay in the store with their status, as from a WXR export.)
    for (const char* secret :
         {"SPAM-KOMMENTAR-52", "WARTEND-KOMMENTAR-PENDING-51", "leserin@example.net",
          "203.0.113.51", "$P$", "$wp$", "admin@werkbank.test"}) {
      EXPECT_EQ(store.find(secret), std::string::npos) << "the store holds " << secret;
    }
  }

  static WordPressSite& site() { return *site_; }
  static std::filesystem::path dir() { return *dir_; }

 private:
  static inline std::filesystem::path* dir_ = nullptr;
  static inline WordPressSite* site_ = nullptr;
  static inline std::string* log_ = nullptr;
  static inline bool ready_ = false;
};

TEST_F(WordPressDump, ExtendedInsertsGiveTheArchiveOfTheExport) {
  expect_same_archive("extended", "");
}

TEST_F(WordPressDump, RowByRowWithColumnNamesGzippedGiveTheSameArchive) {
  expect_same_archive("complete", "--skip-extended-insert --complete-insert", true);
}

TEST_F(WordPressDump, SeveralInstallationsAreNamedAndNeverMixed) {
  const CliRun installed =
      site().install("alt_", source_dir() / "tests/wordpress/hidden-items.xml");
  ASSERT_EQ(installed.exit_code, 0) << installed.output;
  const auto work = dir() / "two";
  std::filesystem::create_directories(work);
  ASSERT_EQ(site().dump("", work / "both.sql").exit_code, 0);
  const CliRun ambiguous = run_cli({"import", work / "both.sql", "--store", work / "blog.db"});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.output.find(
                "the dump holds 2 WordPress installations (table prefixes alt_, wp_); choose one "
                "with --table-prefix"),
            std::string::npos)
      << ambiguous.output;
  EXPECT_FALSE(std::filesystem::exists(work / "blog.db"));
  const CliRun unknown = run_cli(
      {"import", work / "both.sql", "--table-prefix", "blog_", "--store", work / "blog.db"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(
      unknown.output.find(
          "no WordPress installation with the table prefix 'blog_' (the dump holds: alt_, wp_)"),
      std::string::npos)
      << unknown.output;
  const CliRun chosen =
      run_cli({"import", work / "both.sql", "--table-prefix", "alt_", "--store", work / "blog.db"});
  ASSERT_EQ(chosen.exit_code, 0) << chosen.output;
  const auto posts = published(work / "blog.db");
  ASSERT_EQ(posts.size(), 2U);  // hidden-items.xml's public post and page, nothing of wp_
  EXPECT_EQ(posts.begin()->second.link, site().url() + "/2010/01/05/oeffentlicher-beitrag/");
  EXPECT_EQ(comment_keys(posts.begin()->second).size(), 2U);
  ASSERT_EQ(site().sql("DROP TABLE alt_posts").exit_code, 0);
}

TEST_F(WordPressDump, RepairsUtf8KeptInLatin1Columns) {
  const CliRun installed =
      site().install("old_", source_dir() / "tests/wordpress/hidden-items.xml");
  ASSERT_EQ(installed.exit_code, 0) << installed.output;
  // What old blogs did: UTF-8 bytes sent over a latin1 connection into latin1 columns.
  const CliRun mangled = site().sql(
      "ALTER TABLE old_posts CONVERT TO CHARACTER SET latin1; "
      "UPDATE old_posts SET post_title = CONVERT(CAST(CONVERT(post_title USING utf8mb4) AS BINARY) "
      "USING latin1), "
      "post_content = CONVERT(CAST(CONVERT(post_content USING utf8mb4) AS BINARY) USING latin1);");
  ASSERT_EQ(mangled.exit_code, 0) << mangled.output;
  const auto work = dir() / "latin1";
  std::filesystem::create_directories(work);
  ASSERT_EQ(site()
                .dump("old_posts old_options old_users old_comments old_terms old_term_taxonomy "
                      "old_term_relationships old_postmeta",
                      work / "old.sql")
                .exit_code,
            0);
  const std::string dumped = read_file(work / "old.sql");
  ASSERT_NE(dumped.find("B\xC3\x83\xC2\xA4ume"), std::string::npos)
      << "the dump is not double-encoded";
  const CliRun imported = run_cli({"import", work / "old.sql", "--store", work / "blog.db"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(
      imported.output.find(
          "old_posts row 9001, column post_title: UTF-8 text stored in a latin1 column (double "
          "encoding) repaired"),
      std::string::npos)
      << imported.output;
  const auto posts = published(work / "blog.db");
  ASSERT_FALSE(posts.empty());
  EXPECT_EQ(posts.begin()->second.title,
            "\xC3\x96"
            "ffentlicher Beitrag \xC3\xBC"
            "ber B\xC3\xA4ume");
  EXPECT_NE(posts.begin()->second.content.find("Gr\xC3\xBC\xC3\x9F"
                                               "e"),
            std::string::npos);
}

TEST_F(WordPressDump, ACutDumpSaysWhereAndRecoverKeepsTheWholeRows) {
  const auto work = dir() / "cut";
  std::filesystem::create_directories(work);
  ASSERT_EQ(site()
                .dump("--skip-extended-insert wp_options wp_posts wp_users", work / "whole.sql")
                .exit_code,
            0);
  std::string bytes = read_file(work / "whole.sql");
  bytes.resize(bytes.rfind("INSERT INTO `wp_posts`") + 60);
  std::ofstream(work / "cut.sql", std::ios::binary) << bytes;
  const CliRun cut = run_cli({"import", work / "cut.sql", "--store", work / "blog.db"});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.output.find("cut.sql:"), std::string::npos) << cut.output;
  EXPECT_NE(cut.output.find("it was cut short; --recover keeps the rows before this point"),
            std::string::npos)
      << cut.output;
  EXPECT_FALSE(std::filesystem::exists(work / "blog.db"));
  const CliRun recovered =
      run_cli({"import", work / "cut.sql", "--recover", "--store", work / "blog.db"});
  ASSERT_EQ(recovered.exit_code, 0) << recovered.output;
  EXPECT_NE(recovered.output.find("the rows before it were read"), std::string::npos)
      << recovered.output;
  EXPECT_FALSE(published(work / "blog.db").empty());

  std::ofstream(work / "shop.sql")
      << "-- MySQL dump 10.13\nCREATE TABLE `orders` (\n  `id` int NOT NULL\n);\n"
         "INSERT INTO `orders` VALUES (1),(2);\n";
  const CliRun shop = run_cli({"import", work / "shop.sql", "--store", work / "shop.db"});
  EXPECT_EQ(shop.exit_code, 1);
  EXPECT_NE(shop.output.find("not a WordPress database"), std::string::npos) << shop.output;
  EXPECT_FALSE(std::filesystem::exists(work / "shop.db"));
}

}  // namespace
}  // namespace blogarchive::testing
