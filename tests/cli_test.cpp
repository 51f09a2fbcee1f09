// Exit codes and messages for bad input, through the real executable.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(Cli, PrintsVersionAndHelp) {
  EXPECT_EQ(run_cli({"--version"}).exit_code, 0);
  for (const Arguments& command : std::vector<Arguments>{
           {"import", "--help"}, {"build", "--help"}, {"serve", "--help"}, {"--help"}}) {
    const auto run = run_cli(command);
    EXPECT_EQ(run.exit_code, 0) << command.front();
    EXPECT_TRUE(contains(run.output, "Usage")) << command.front();
  }
}

TEST(Cli, ReturnsTwoForUsageErrors) {
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_cli({"import", "x.xml"}).exit_code, 2);  // --store missing
}

TEST(Cli, ImportOfAMissingFileFailsAndCreatesNoStore) {
  const auto dir = fresh_temp_dir("cli-missing");
  const auto run =
      run_cli({"import", (dir / "no-such.xml").string(), "--store", (dir / "out.db").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "error: cannot import")) << run.output;
  EXPECT_TRUE(contains(run.output, "no such file")) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.db"));
}

TEST(Cli, ImportOfADirectoryOrNonExportSaysSo) {
  const auto dir = fresh_temp_dir("cli-kind");
  const auto run = run_cli({"import", dir.string(), "--store", (dir / "out.db").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "is a folder, but neither a Jekyll site")) << run.output;
  std::ofstream(dir / "notes.txt") << "just some notes";
  const auto other =
      run_cli({"import", (dir / "notes.txt").string(), "--store", (dir / "out.db").string()});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_TRUE(contains(other.output, "supported: wordpress")) << other.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.db"));
}

TEST(Cli, MalformedExportLeavesTheStoreUntouchedAndNamesThePosition) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("cli-malformed");
  const auto store = (dir / "blog.db").string();
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  ASSERT_EQ(run_cli({"import", good.string(), "--store", store}).exit_code, 0);
  const std::string before = read_file(store);
  const auto bad = shared_fixtures_dir() / "wordpress-importer" / "malformed.xml";
  const auto run = run_cli({"import", bad.string(), "--store", store});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "malformed.xml:90:")) << run.output;
  EXPECT_TRUE(contains(run.output, "--recover")) << run.output;
  EXPECT_EQ(read_file(store), before);
}

TEST(Cli, RecoverImportsWhatItCanAndReportsRepairs) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("cli-recover");
  const auto bad = shared_fixtures_dir() / "ghost-migrate" / "mg-wp-xml" / "sample.xml";
  const auto run =
      run_cli({"import", "--recover", bad.string(), "--store", (dir / "b.db").string()});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "XML repaired: ")) << run.output;
}

TEST(Cli, ReimportDoesNotDuplicate) {
  const auto dir = fresh_temp_dir("cli-reimport");
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli({"import", good.string(), "--store", store}).exit_code, 0);
  ASSERT_EQ(run_cli({"import", good.string(), "--store", store}).exit_code, 0);
  const auto config = source_dir() / "examples" / "archive.toml";
  const auto built = run_cli(
      {"build", "--store", store, "--config", config.string(), "--out", (dir / "site").string()});
  EXPECT_TRUE(contains(built.output, "15 articles, 4 pages")) << built.output;
}

TEST(Cli, BuildWithABadConfigFailsAndKeepsTheOldSite) {
  const auto dir = fresh_temp_dir("cli-config");
  const auto good = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli({"import", good.string(), "--store", store}).exit_code, 0);
  std::filesystem::create_directories(dir / "site");
  std::ofstream(dir / "site" / "index.html") << "old";
  std::ofstream(dir / "bad.toml") << "base_url = \"https://a.example/\"\ncolour = \"blue\"\n";
  const auto run = run_cli({"build", "--store", store, "--config", (dir / "bad.toml").string(),
                            "--out", (dir / "site").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "bad.toml:2:10: unknown key 'colour'")) << run.output;
  EXPECT_EQ(read_file(dir / "site" / "index.html"), "old");
  const auto missing = run_cli({"build", "--store", (dir / "none.db").string(), "--config",
                                (source_dir() / "examples" / "archive.toml").string(), "--out",
                                (dir / "site").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "run blogarchive import first")) << missing.output;
}

// `theme init` writes the default theme as it is: a site built with the copy is the
// site built without it, and an edit to the copy shows in the site.
TEST(Cli, ThemeInitWritesTheDefaultThemeToCustomiseAndNeverOverwrites) {
  const auto dir = fresh_temp_dir("cli-theme-init");
  const auto theme = dir / "mein-theme";
  const auto init = run_cli({"theme", "init", theme.string()});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  EXPECT_TRUE(contains(init.output, "theme_dir = \"" + theme.string() + "\"")) << init.output;
  for (const char* file :
       {"templates/layout.html", "templates/article.html", "i18n/de.toml", "static/style.css"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(theme / file)) << file;
  }
  const std::string config = "language = \"de\"\nbase_url = \"https://archiv.example.org/\"\n";
  const auto sample = source_dir() / "examples" / "werkstattblog.wordpress.xml";
  std::filesystem::create_directories(dir / "plain");
  std::filesystem::create_directories(dir / "themed");
  const auto plain = import_and_build(dir / "plain", {sample}, config);
  std::ofstream(theme / "static" / "style.css", std::ios::app) << "h1 { color: teal; }\n";
  const auto themed = import_and_build(dir / "themed", {sample},
                                       config + "theme_dir = \"" + theme.string() + "\"\n");
  ASSERT_EQ(themed.build.exit_code, 0) << themed.build.output;
  ASSERT_EQ(plain.files.size(), themed.files.size());
  for (const auto& [path, bytes] : plain.files) {
    if (path == "assets/style.css") {
      EXPECT_EQ(themed.files.at(path), bytes + "h1 { color: teal; }\n");
    } else if (path.ends_with(".html")) {
      EXPECT_EQ(themed.files.at(path), bytes) << path;
    }
  }
  const auto again = run_cli({"theme", "init", theme.string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_TRUE(contains(again.output, "already exists and is not an empty folder")) << again.output;
  EXPECT_TRUE(contains(read_file(theme / "static" / "style.css"), "teal"));
}

TEST(Cli, BuildNamesAMissingOrBrokenPrivacyPolicyAndKeepsTheOldSite) {
  const auto dir = fresh_temp_dir("cli-privacy");
  const auto store = (dir / "blog.db").string();
  ASSERT_EQ(run_cli({"import", (source_dir() / "examples" / "werkstattblog.wordpress.xml").string(),
                     "--store", store})
                .exit_code,
            0);
  std::filesystem::create_directories(dir / "site");
  std::ofstream(dir / "site" / "index.html") << "old";
  std::ofstream(dir / "archive.toml") << "base_url = \"https://a.example/\"\n[cookie_notice]\n"
                                         "privacy_markdown = \"datenschutz.md\"\n";
  const Arguments build{"build", "--store",   store, "--config", dir / "archive.toml",
                        "--out", dir / "site"};
  const auto missing = run_cli(build);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "cannot read the privacy policy")) << missing.output;
  EXPECT_TRUE(contains(missing.output, "datenschutz.md")) << missing.output;

  std::ofstream(dir / "datenschutz.md") << "# Datenschutz\n\nGespeichert wird nichts.\nAu\xDF"
                                           "er Latin-1.\n";
  const auto latin1 = run_cli(build);
  EXPECT_EQ(latin1.exit_code, 1);
  EXPECT_TRUE(contains(latin1.output, "datenschutz.md:4:3: the privacy policy is not UTF-8"))
      << latin1.output;
  EXPECT_EQ(read_file(dir / "site" / "index.html"), "old");
}

}  // namespace blogarchive::testing

namespace blogarchive::testing {
namespace {

// Damage seen in real exports, made from the French golden export: --recover reads every
// item and names each repair with its position; without it, text before the declaration
// is named for what it is.
TEST(Cli, RecoverReadsExportsWithJunkControlBytesAndEarlyCdataEnds) {
  const std::string good = read_file(source_dir() / "tests/golden/french/input/export.xml");
  const auto dir = fresh_temp_dir("cli-recover-damage");
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  std::string with_controls = good;
  with_controls.replace(with_controls.find("Chaque dimanche"), 6, std::string("Chaque\0", 7));
  std::string with_cdata_end = good;
  with_cdata_end.replace(with_cdata_end.find("<code>ls -l</code>"), 18, "if (a[b[0]]>1)");
  const std::string damaged[] = {
      write("junk.xml", "<br />\n<b>Warning</b>: Cannot modify header information<br />\n" + good),
      write("controls.xml", with_controls), write("cdata.xml", with_cdata_end)};
  const char* repairs[] = {
      "junk.xml:1:1: XML repaired: 62 bytes before the XML declaration left out",
      "controls.xml:21:33: XML repaired: control byte 0x00 removed",
      "cdata.xml:30:26: XML repaired: \"]]>\" inside <content:encoded> escaped"};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string store = (dir / ("store" + std::to_string(i) + ".db")).string();
    const auto run = run_cli({"import", damaged[i], "--store", store, "--recover"});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("published articles and pages                        2"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find(repairs[i]), std::string::npos) << run.output;
  }
  const auto refused = run_cli({"import", damaged[0], "--store", (dir / "refused.db").string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("junk.xml:1:1: 62 bytes of text come before the XML declaration"),
            std::string::npos)
      << refused.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "refused.db"));
  // The repaired post keeps the code that ended its CDATA section.
  const std::string store = (dir / "store2.db").string();
  const auto built = run_cli({"build", "--store", store, "--config",
                              (source_dir() / "tests/golden/french/input/archive.toml").string(),
                              "--out", (dir / "site").string(), "-q"});
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_NE(read_file(dir / "site/2007/04/sauvegarder-ses-photos-avec-rsync/index.html")
                .find("if (a[b[0]]&gt;1)"),
            std::string::npos);
}

}  // namespace
}  // namespace blogarchive::testing

namespace blogarchive::testing {
namespace {

// WordPress wrote its default "en" into the exports of blogs in every language.
TEST(Cli, TakesTheLanguageTheTextIsWrittenInOverADeclaredOneItContradicts) {
  const auto dir = fresh_temp_dir("cli-text-language");
  std::string items;
  const char* paragraphs[] = {
      "Neste fim de semana consertei a velha bancada da cave. Ela estava a abanar há anos e agora "
      "está firme "
      "outra vez. Usei parafusos novos e um pouco de cola de madeira, e o resultado é melhor do "
      "que esperava.",
      "A minha avó tinha um jardim com tomates, feijão e flores. Todos os verões passávamos lá as "
      "férias, e ela "
      "ensinou-me a plantar e a regar. Hoje tenho o meu próprio jardim, mas não é tão bonito como "
      "o dela.",
      "Comprei uma bicicleta usada no mercado. Foi preciso trocar a corrente e os travões, mas "
      "agora anda bem. "
      "Vou para o trabalho de bicicleta quase todos os dias, quando não chove, e chego mais cedo "
      "do que de carro."};
  for (int i = 0; i < 3; ++i) {
    items += "<item><title>Artigo " + std::to_string(i + 1) +
             "</title><link>http://blog.example.pt/?p=" + std::to_string(i + 1) +
             "</link><content:encoded><![CDATA[" + paragraphs[i] +
             "]]></content:encoded>"
             "<wp:post_id>" +
             std::to_string(i + 1) + "</wp:post_id><wp:post_date>2010-05-0" +
             std::to_string(i + 1) + " 10:00:00</wp:post_date><wp:post_name>artigo-" +
             std::to_string(i + 1) +
             "</wp:post_name>"
             "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n";
  }
  std::ofstream(dir / "blog.xml")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">"
         "<channel><title>Oficina</title><link>http://blog.example.pt</link><language>en-US</"
         "language>"
         "<wp:wxr_version>1.2</wp:wxr_version>\n" +
             items + "</channel></rss>\n";
  std::ofstream(dir / "archive.toml") << "base_url = \"https://arquivo.example.pt/\"\n";
  const std::string d = dir.string();
  const auto imported = run_cli({"import", d + "/blog.xml", "--store", d + "/blog.db"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(
      imported.output.find(
          "the export declares the language \"en-US\", but its published text reads as \"pt\""),
      std::string::npos)
      << imported.output;
  const auto built = run_cli(
      {"build", "--store", d + "/blog.db", "--config", d + "/archive.toml", "--out", d + "/site"});
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_NE(
      built.output.find("the export declares the language \"en-US\" but its text is in \"pt\""),
      std::string::npos)
      << built.output;
  EXPECT_NE(read_file(dir / "site/index.html").find("<html lang=\"pt\""), std::string::npos);
  // The config wins.
  std::ofstream(dir / "archive.toml", std::ios::app) << "language = \"en\"\n";
  const auto configured = run_cli(
      {"build", "--store", d + "/blog.db", "--config", d + "/archive.toml", "--out", d + "/site"});
  ASSERT_EQ(configured.exit_code, 0) << configured.output;
  EXPECT_NE(read_file(dir / "site/index.html").find("<html lang=\"en\""), std::string::npos);
}

}  // namespace
}  // namespace blogarchive::testing
