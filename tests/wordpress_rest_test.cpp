// A running WordPress archived through its public REST API (`import http://…`), against
// a real one: Debian's WordPress on a private MariaDB, served by `php -S` on 127.0.0.1
// (tests/support/wordpress_site.hpp), seeded from the sample blog, hidden items of our
// own (tests/wordpress/hidden-items.xml) and, when ../shared is there, the Theme Unit
// Test and a real blog with 381 comments. The same site is archived twice, over REST and
// from the WXR file WordPress's own export_wp() writes, and the two archives compared;
// then the faults a live site has: waits asked for, errors, a server that dies, bad
// answers.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "archive_comparison.hpp"
#include "blog/post.hpp"
#include "privacy_scan.hpp"
#include "run_cli.hpp"
#include "services.hpp"
#include "site/paths.hpp"
#include "store/download_journal.hpp"
#include "store/store.hpp"
#include "test_paths.hpp"
#include "text_blocks.hpp"
#include "wordpress_site.hpp"

namespace blogarchive::testing {
namespace {

constexpr const char* kPrefix = "live_";
constexpr const char* kConfig = "base_url = \"https://archive.example.org/\"\nlanguage = \"en\"\n";

// One WordPress for the whole suite: seeding it takes most of the time.
class WordPressRest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (WordPressSite::missing()) {
      return;
    }
    dir_ = new std::filesystem::path(fresh_temp_dir("wordpress-rest"));
    site_ = new WordPressSite(*dir_);
    if (!site_->running()) {
      return;
    }
    std::vector<std::filesystem::path> exports{source_dir() / "tests/wordpress/hidden-items.xml"};
    if (std::filesystem::is_directory(shared_fixtures_dir())) {
      exports.push_back(shared_fixtures_dir() /
                        "wordpress-theme-unit-test/themeunittestdata.wordpress.xml");
      exports.push_back(shared_fixtures_dir() / "real-blogs/timothyfitz.wordpress.xml");
    }
    seeded_ = new std::string;
    const CliRun installed =
        site_->install(kPrefix, source_dir() / "examples/werkstattblog.wordpress.xml");
    *seeded_ += installed.output;
    bool ok = installed.exit_code == 0;
    for (const auto& file : exports) {
      const CliRun seeded = site_->seed(kPrefix, file);
      *seeded_ += seeded.output;
      ok = ok && seeded.exit_code == 0;
    }
    ready_ = ok;
  }

  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
    delete seeded_;
    delete dir_;
  }

  void SetUp() override {
    if (WordPressSite::skip_here()) {
      GTEST_SKIP() << "no real WordPress here (" << *WordPressSite::missing()
                   << " missing): not imported over REST";
    }
    ASSERT_TRUE(site_ != nullptr && site_->running());
    ASSERT_TRUE(ready_) << *seeded_;
  }

  // Serves the site, with the faults of `rules` (JSON) when given; returns the log path.
  static std::filesystem::path serve(const std::string& name, const std::string& rules = "[]") {
    const auto faults = *dir_ / (name + "-faults.json");
    std::ofstream(faults) << rules;
    std::filesystem::remove(faults.string() + ".log");
    EXPECT_TRUE(site_->serve(kPrefix, faults));
    return faults.string() + ".log";
  }

  static std::filesystem::path dir() { return *dir_; }
  static WordPressSite& site() { return *site_; }

 private:
  static inline std::filesystem::path* dir_ = nullptr;
  static inline WordPressSite* site_ = nullptr;
  static inline std::string* seeded_ = nullptr;
  static inline bool ready_ = false;
};

CliRun import_site(const std::string& url, const std::filesystem::path& store,
                   const Arguments& extra = {}) {
  return run_cli(Arguments{"import", url + "/", "--store", store, "--quiet"} + extra);
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

std::size_t requests_for(const std::vector<std::string>& log, const std::string& part,
                         const std::string& page) {
  return static_cast<std::size_t>(
      std::count_if(log.begin(), log.end(), [&](const std::string& line) {
        return line.find(part) != std::string::npos &&
               line.find("&page=" + page + "&") != std::string::npos;
      }));
}

TEST_F(WordPressRest, ArchivesTheSameSiteAsItsOwnExport) {
  serve("routes");
  const auto wxr_dir = dir() / "by-wxr";
  const auto rest_dir = dir() / "by-rest";
  std::filesystem::create_directories(wxr_dir);
  std::filesystem::create_directories(rest_dir);
  const CliRun exported =
      site().php(kPrefix, "export.php", "> " + shell_quoted(wxr_dir / "export.xml"));
  ASSERT_EQ(exported.exit_code, 0) << exported.output;

  const auto by_wxr = import_and_build(wxr_dir, {wxr_dir / "export.xml"}, kConfig);
  ASSERT_EQ(by_wxr.build.exit_code, 0) << by_wxr.import.output << by_wxr.build.output;
  const auto by_rest = import_and_build(rest_dir, {site().url() + "/"}, kConfig);
  ASSERT_EQ(by_rest.build.exit_code, 0) << by_rest.import.output << by_rest.build.output;
  EXPECT_NE(by_rest.import.output.find("answers from " + site().url() + "/wp-json/"),
            std::string::npos)
      << by_rest.import.output;

  // Explained in docs/formats/importers.md: dynamic blocks (widgets) are rendered by the
  // live site from its database, the WXR holds only the block's comment.
  const ArchiveComparison comparison = compare_archives(
      {"WXR", wxr_dir / "blog.db", by_wxr.files}, {"REST", rest_dir / "blog.db", by_rest.files},
      {"post 1736 \"Block category: Widgets\": body"});
  std::ofstream(dir() / "rest-vs-wxr.md") << comparison.summary;
  std::cout << comparison.summary;
  EXPECT_GE(comparison.compared, std::filesystem::is_directory(shared_fixtures_dir()) ? 80U : 10U);
  EXPECT_EQ(comparison.unexplained, std::vector<std::string>{}) << comparison.summary;
  EXPECT_GE(comparison.agreeing + 1, comparison.compared);
  // The sample's site icon, named by the index (site_icon_url) as by the export.
  EXPECT_TRUE(
      comparison.site_icon.ends_with("/wp-content/uploads/2011/11/cropped-werkstatt-icon.png"))
      << comparison.site_icon;
}

TEST_F(WordPressRest, PublishesNothingAVisitorCouldNotSee) {
  serve("privacy");
  const auto work = dir() / "privacy";
  std::filesystem::create_directories(work);
  ASSERT_EQ(
      site().php(kPrefix, "export.php", "> " + shell_quoted(work / "everything.xml")).exit_code, 0);
  const PrivateFacts facts = private_facts_of_wxr(work / "everything.xml");
  EXPECT_GE(facts.texts.size(), 6U);  // hidden-items.xml's alone; the Theme Unit Test adds more
  EXPECT_GE(facts.emails.size(), 4U);
  const auto built = import_and_build(work, {site().url() + "/"}, kConfig);
  ASSERT_EQ(built.build.exit_code, 0) << built.import.output << built.build.output;
  EXPECT_EQ(find_leaks(built.files, facts), std::vector<std::string>{});
  // What a visitor cannot see never even reaches the store.
  const std::string store = read_file(work / "blog.db");
  for (const auto& fact : facts.texts) {
    EXPECT_EQ(store.find(fact), std::string::npos) << "the store holds: " << fact;
  }
  for (const auto& email : facts.emails) {
    EXPECT_EQ(store.find(email), std::string::npos) << "the store holds: " << email;
  }
  // Every hidden item and comment of hidden-items.xml carries a marker.
  for (const char* marker : {"DRAFT-41", "PRIVATE-42", "PROTECTED-43", "FUTURE-44", "TRASH-45",
                             "PENDING-46", "PENDING-51", "SPAM-KOMMENTAR-52",
                             "PAPIERKORB-KOMMENTAR-53", "203.0.113.5", "leserin@example.net"}) {
    EXPECT_EQ(store.find(marker), std::string::npos) << "the store holds " << marker;
    for (const auto& [path, bytes] : built.files) {
      EXPECT_EQ(bytes.find(marker), std::string::npos) << path << " shows " << marker;
    }
  }
  EXPECT_NE(built.files.at("2010/01/05/oeffentlicher-beitrag/index.html")
                .find("Ein freigegebener Kommentar"),
            std::string::npos);
}

TEST_F(WordPressRest, WaitsWhenAskedAndRetriesServerErrors) {
  const auto log = serve("retries", R"([
    {"match": ["wp/v2/posts", "&page=1&"], "times": 1, "status": 429, "retry_after": 2},
    {"match": ["wp/v2/pages", "&page=1&"], "times": 2, "status": 500}])");
  const auto started = std::chrono::steady_clock::now();
  const CliRun run = import_site(site().url(), dir() / "retries.db");
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_GE(took, std::chrono::seconds(2)) << "Retry-After: 2 was not waited for";
  const auto requests = lines_of(log);
  EXPECT_EQ(requests_for(requests, "wp/v2/posts", "1"), 2U);
  EXPECT_EQ(requests_for(requests, "wp/v2/pages", "1"), 3U);
  EXPECT_FALSE(published(dir() / "retries.db").empty());
  EXPECT_FALSE(std::filesystem::exists(store::download_journal_path(dir() / "retries.db")));
}

TEST_F(WordPressRest, ResumesWhereAServerThatDiedLeftOff) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();  // a list of several pages: the 381 comments of the real
                                        // blog timothyfitz
  const auto store = dir() / "resumed.db";
  const auto first_log =
      serve("killed", R"([{"match": ["wp/v2/comments", "&page=3&"], "times": 1, "kill": true}])");
  const CliRun first = import_site(site().url(), store);
  EXPECT_EQ(first.exit_code, 1) << first.output;
  EXPECT_NE(first.output.find("wp/v2/comments"), std::string::npos) << first.output;
  EXPECT_NE(first.output.find("run the same command again"), std::string::npos) << first.output;
  EXPECT_FALSE(std::filesystem::exists(store)) << "a store was left behind by a failed import";
  EXPECT_TRUE(std::filesystem::exists(store::download_journal_path(store)));
  EXPECT_EQ(requests_for(lines_of(first_log), "wp/v2/posts", "1"), 1U);

  const auto second_log = serve("revived");
  const CliRun second = import_site(site().url(), store);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("kept from the run that stopped"), std::string::npos)
      << second.output;
  const auto requests = lines_of(second_log);
  EXPECT_EQ(requests_for(requests, "wp/v2/posts", "1"), 0U)
      << "asked again for what the first run had";
  EXPECT_EQ(requests_for(requests, "wp/v2/comments", "3"), 1U);
  EXPECT_FALSE(std::filesystem::exists(store::download_journal_path(store)));

  ASSERT_EQ(import_site(site().url(), dir() / "uninterrupted.db").exit_code, 0);
  const auto resumed = published(store);
  const auto whole = published(dir() / "uninterrupted.db");
  ASSERT_EQ(resumed.size(), whole.size());
  for (const auto& [id, post] : whole) {
    EXPECT_EQ(comment_keys(resumed.at(id)), comment_keys(post)) << blog::describe(post);
  }
}

TEST_F(WordPressRest, RefusesAnswersItCannotTrust) {
  // Each with its own store: a journal left by one would answer for the next.
  auto store = dir() / "malformed.db";
  serve("malformed", R"([{"match": ["wp/v2/tags", "&page=1&"], "times": 9, "status": 200,
                          "body": "[{\"id\": 7, \"name\": \"B\u00e4ume\",\n \"slug\": }]"}])");
  const CliRun malformed = import_site(site().url(), store);
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_NE(malformed.output.find("wp/v2/tags"), std::string::npos) << malformed.output;
  EXPECT_NE(malformed.output.find("line 2, column 10: the answer is not valid JSON"),
            std::string::npos)
      << malformed.output;
  EXPECT_FALSE(std::filesystem::exists(store));

  const std::string elsewhere =
      "http://localhost:" + site().url().substr(site().url().rfind(':') + 1) + "/moved/";
  serve("redirect",
        R"([{"match": ["wp/v2/posts", "&page=1&"], "times": 9, "status": 302, "location": ")" +
            elsewhere + R"("}])");
  store = dir() / "redirected.db";
  const CliRun redirected = import_site(site().url(), store);
  EXPECT_EQ(redirected.exit_code, 1);
  EXPECT_NE(redirected.output.find("redirected to '" + elsewhere + "', another site; not followed"),
            std::string::npos)
      << redirected.output;
  EXPECT_FALSE(std::filesystem::exists(store));

  serve("large",
        R"([{"match": ["wp/v2/media", "&page=1&"], "times": 9, "status": 200, "body": "[0,",
                      "repeat": 1000000}])");
  store = dir() / "large.db";
  const CliRun large = import_site(site().url(), store, {"--max-response-size", "2MB"});
  EXPECT_EQ(large.exit_code, 1);
  EXPECT_NE(large.output.find("wp/v2/media"), std::string::npos) << large.output;
  EXPECT_NE(large.output.find("larger than 2097152 bytes"), std::string::npos) << large.output;
  EXPECT_FALSE(std::filesystem::exists(store));
}

TEST(WordPressRestAddress, SaysWhatItExpectedOfAnAddress) {
  const auto work = fresh_temp_dir("rest-addresses");
  const auto store = work / "blog.db";
  const CliRun ftp = run_cli({"import", "ftp://blog.example.org/", "--store", store});
  EXPECT_EQ(ftp.exit_code, 1);
  EXPECT_NE(ftp.output.find("is not a web address; give the blog's address as http://"),
            std::string::npos)
      << ftp.output;
  const CliRun nobody =
      run_cli({"import", std::string("http://127.0.0.1:") + std::to_string(free_port()) + "/",
               "--store", store});
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_NE(nobody.output.find("cannot reach http://127.0.0.1:"), std::string::npos)
      << nobody.output;
  EXPECT_FALSE(std::filesystem::exists(store));
  if (WordPressSite::skip_here()) {
    GTEST_SKIP() << "no PHP here to serve a site that is not WordPress";
  }
  std::filesystem::create_directories(work / "plain");
  std::ofstream(work / "plain/index.html") << "<!doctype html><title>Not a blog</title><p>Hello.";
  const int port = free_port();
  BackgroundProcess plain(
      {"sh", "-c",
       "exec php -S 127.0.0.1:" + std::to_string(port) + " -t " + shell_quoted(work / "plain") +
           " >" + shell_quoted(work / "php-server.log") + " 2>&1"},
      port);
  ASSERT_TRUE(plain.running());
  const CliRun not_wordpress = run_cli(
      {"import", std::string("http://127.0.0.1:") + std::to_string(port) + "/", "--store", store});
  EXPECT_EQ(not_wordpress.exit_code, 1);
  for (const char* expected :
       {"does not answer WordPress's REST API", "WXR export", "database backup", "feed"}) {
    EXPECT_NE(not_wordpress.output.find(expected), std::string::npos) << not_wordpress.output;
  }
  EXPECT_FALSE(std::filesystem::exists(store));
}

}  // namespace
}  // namespace blogarchive::testing
