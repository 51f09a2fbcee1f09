// `blogarchive search` end to end: the sample archive and the shared fixtures, searched
// from the terminal with the browser's ranking; nothing unpublished can be found.
#include <gtest/gtest.h>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

struct Archive {
  std::string store;
  std::string config;
};

Archive imported(const std::string& name, const std::filesystem::path& input,
                 const std::string& config_text) {
  const auto dir = fresh_temp_dir(name);
  const auto archive = import_and_build(dir, {input}, config_text);
  EXPECT_EQ(archive.build.exit_code, 0) << archive.import.output << archive.build.output;
  return {dir / "blog.db", dir / "archive.toml"};
}

CliRun search(const Archive& archive, const std::string& query, const Arguments& flags = {}) {
  return run_cli(Arguments{"search", "--store", archive.store, "--config", archive.config} + flags +
                 Arguments{query});
}

}  // namespace

TEST(SearchCli, FindsTheSampleArticlesInGermanForms) {
  const auto sample =
      imported("search-sample", source_dir() / "examples" / "werkstattblog.wordpress.xml",
               "language = \"de\"\nbase_url = \"https://archiv.example.org/\"\n");
  const auto bench = search(sample, "Hobelbänke");  // plural and umlaut: the stem of "Hobelbank"
  ASSERT_EQ(bench.exit_code, 0) << bench.output;
  EXPECT_NE(bench.output.find(
                " 1. Die Hobelbank ist fertig (18.03.2007)\n    /2007/03/hobelbank-fertig/"),
            std::string::npos)
      << bench.output;
  EXPECT_NE(bench.output.find("[Hobelbank]"), std::string::npos) << bench.output;
  // "Blog" finds the "Werkstattblog" (a compound) too.
  EXPECT_NE(search(sample, "blog").output.find("/2010/01/rueckblick-auf-vier-jahre/"),
            std::string::npos);
  const auto json = search(sample, "schella", {"--prefix", "--json"});
  EXPECT_NE(json.output.find("{\"total\":1,\"partial\":false,\"hits\":[{\"url\":\"/2010/09/"
                             "oberflaeche-mit-schellack/\""),
            std::string::npos)
      << json.output;
}

TEST(SearchCli, NeedsNoConfigBecauseTheStoreKnowsTheBlogsLanguage) {
  const auto dir = fresh_temp_dir("search-no-config");
  const auto imported =
      run_cli({"import", (source_dir() / "examples" / "werkstattblog.wordpress.xml").string(),
               "--store", (dir / "blog.db").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  // German analysis without being told: the plural with its umlaut finds the singular.
  const auto run = run_cli({"search", "--store", (dir / "blog.db").string(), "Hobelbänke"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(" 1. Die Hobelbank ist fertig (18.03.2007)"), std::string::npos)
      << run.output;
}

TEST(SearchCli, NothingUnpublishedCanBeFound) {
  const auto sample =
      imported("search-private", source_dir() / "examples" / "werkstattblog.wordpress.xml",
               "language = \"de\"\nbase_url = \"https://archiv.example.org/\"\n");
  // The sample's draft, private and password-protected posts and its spam comment,
  // by their titles and by the words of their texts (see examples/).
  for (const char* query :
       {"Geheimer Entwurf", "Nachbarn gebohrt", "ENTWURFSTEXT", "Privates Tagebuch", "PRIVATTEXT",
        "Nur mit Passwort", "PASSWORTTEXT", "Uhren", "spam.example"}) {
    const auto run = search(sample, query, {"--json", "--prefix"});
    EXPECT_EQ(run.output.find("\"url\""), std::string::npos) << query << ": " << run.output;
  }
}

TEST(SearchCli, SearchesEnglishFixtures) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto jekyll = imported("search-jekyll", shared_fixtures_dir() / "jekyll" / "source",
                               "language = \"en\"\nbase_url = \"https://archiv.example.org/\"\n");
  const auto dots = search(jekyll, "ellipsis");
  EXPECT_NE(dots.output.find("/2018/10/12/trailing-dots.html"), std::string::npos) << dots.output;
  EXPECT_NE(search(jekyll, "published", {"--json"})
                .output.find("/publish_test/2008/02/02/published.html"),
            std::string::npos);
  const auto hugo = imported("search-hugo", shared_fixtures_dir() / "hugo-basic-example",
                             "language = \"en\"\nbase_url = \"https://archiv.example.org/\"\n");
  const auto emoji = search(hugo, "emojis", {"--json"});  // stemmed: "emoji"
  EXPECT_NE(emoji.output.find("{\"total\":"), std::string::npos) << emoji.output;
  EXPECT_NE(emoji.output.find("\"url\":\"/post/emoji-support/\""), std::string::npos)
      << emoji.output;
  const auto phrase = search(hugo, "\"Hugo ships with several\"", {"--json"});
  EXPECT_NE(phrase.output.find("\"total\":1,"), std::string::npos) << phrase.output;
}

TEST(SearchCli, ConfigCanTurnSearchOff) {
  const auto dir = fresh_temp_dir("search-off");
  const auto archive = import_and_build(
      dir, {source_dir() / "examples" / "werkstattblog.wordpress.xml"},
      "language = \"de\"\nbase_url = \"https://a.example.org/\"\n[search]\nenabled = false\n");
  ASSERT_EQ(archive.build.exit_code, 0) << archive.build.output;
  EXPECT_FALSE(archive.files.count("search/manifest.json"));
  EXPECT_FALSE(archive.files.count("search/index.html"));
  EXPECT_EQ(archive.files.at("index.html").find("role=\"search\""), std::string::npos);
}

}  // namespace blogarchive::testing
