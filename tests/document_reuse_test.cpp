// Document-level reuse: a rebuild renders exactly the documents whose bytes change
// and keeps every other one from the last build, for each kind of input a document
// depends on. The oracle is a build without any cache: the reused tree must equal it
// byte for byte, and the rendered documents must be exactly those whose bytes differ
// from the tree before the change.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

const std::filesystem::path kSample = source_dir() / "examples" / "werkstattblog.wordpress.xml";
const std::filesystem::path kConfig = source_dir() / "examples" / "archive.toml";
const std::filesystem::path kTheme = source_dir() / "themes" / "default";

// What a build is made from: the export, the config and the theme files that override
// the default theme (by relative path).
struct Inputs {
  std::string wxr = read_file(kSample);
  std::string config = read_file(kConfig);
  std::map<std::string, std::string> theme;
};

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  for (; at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Replaces the first `from` after `marker`.
std::string replaced_after(std::string text, const std::string& marker, const std::string& from,
                           const std::string& to) {
  const std::size_t at = text.find(from, text.find(marker));
  EXPECT_NE(at, std::string::npos) << from << " after " << marker;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

void write_inputs(const std::filesystem::path& dir, const Inputs& inputs) {
  std::filesystem::remove_all(dir / "theme");
  std::filesystem::create_directories(dir / "theme");
  for (const auto& [path, text] : inputs.theme) {
    std::filesystem::create_directories((dir / "theme" / path).parent_path());
    std::ofstream(dir / "theme" / path) << text;
  }
  // A top-level key must come before the tables that follow it.
  std::ofstream(dir / "archive.toml") << "theme_dir = '" << (dir / "theme").string() << "'\n"
                                      << inputs.config;
  std::ofstream(dir / "export.xml") << inputs.wxr;
  const auto run =
      run_cli({"import", (dir / "export.xml").string(), "--store", (dir / "blog.db").string()});
  ASSERT_EQ(run.exit_code, 0) << run.output;
}

// Builds `out` with --explain; the documents it rendered and why.
std::map<std::string, std::string> build(const std::filesystem::path& dir, const std::string& out,
                                         const Arguments& flags = {}) {
  const auto run = run_cli(Arguments{"build", "--explain", "--quiet", "--store", dir / "blog.db",
                                     "--config", dir / "archive.toml", "--out", dir / out} +
                           flags);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::map<std::string, std::string> rendered;
  std::istringstream lines(run.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("rendered ", 0) == 0) {
      const auto colon = line.find(": ");
      rendered.emplace(line.substr(9, colon - 9), line.substr(colon + 2));
    }
  }
  return rendered;
}

std::set<std::string> paths(const std::map<std::string, std::string>& rendered) {
  std::set<std::string> result;
  for (const auto& entry : rendered) {
    result.insert(entry.first);
  }
  return result;
}

struct Change {
  std::string name;
  std::function<void(Inputs&)> apply;
  std::function<bool(const std::string&)>
      must_render;  ///< documents that must be among the rendered
};

class DocumentReuse : public ::testing::TestWithParam<Change> {};

TEST_P(DocumentReuse, RendersExactlyTheDocumentsWhoseBytesChange) {
  const Change& change = GetParam();
  const auto dir = fresh_temp_dir("reuse-" + change.name);
  Inputs inputs;
  write_inputs(dir, inputs);
  const auto first = build(dir, "site");
  ASSERT_GT(first.size(), 40u) << "a first build renders every document";
  const auto before = read_tree(dir / "site");

  change.apply(inputs);
  write_inputs(dir, inputs);
  const std::set<std::string> rendered = paths(build(dir, "site"));
  const std::set<std::string> documents = paths(build(dir, "fresh", {"--no-render-cache"}));
  const auto fresh = read_tree(dir / "fresh");
  ASSERT_EQ(read_tree(dir / "site"), fresh) << "a kept document is stale, or a file is missing";

  std::set<std::string> differing;
  for (const auto& path : documents) {
    if (before.count(path) == 0 || before.at(path) != fresh.at(path)) {
      differing.insert(path);
    }
  }
  EXPECT_EQ(rendered, differing);
  for (const auto& path : documents) {
    if (change.must_render(path)) {
      EXPECT_TRUE(rendered.count(path) > 0) << path;
    }
  }
}

bool nothing(const std::string&) {
  return false;
}
// The search index's files are documents too, but hold only the posts' text: what a
// page around them shows (title, notices) is not in them.
bool is_search_data(const std::string& path) {
  return path.rfind("search/", 0) == 0 && path != "search/index.html";
}
bool every(const std::string& path) {
  return !is_search_data(path);
}
bool articles(const std::string& path) {
  return path.size() > 4 && path[0] == '2' && path[4] == '/' &&
         path.find("/page/") == std::string::npos && std::count(path.begin(), path.end(), '/') == 3;
}
std::function<bool(const std::string&)> one(std::string wanted) {
  return [wanted](const std::string& path) { return path == wanted; };
}
std::function<bool(const std::string&)> all_but(std::string spared) {
  return [spared](const std::string& path) { return path != spared && every(path); };
}

const std::string kSummer = "2009/07/sommer-in-der-werkstatt/index.html";
const std::string kDovetails = "2009/02/zinken-von-hand/index.html";

std::string default_theme_file(const std::string& path) {
  return read_file(kTheme / path);
}

INSTANTIATE_TEST_SUITE_P(
    EachKindOfInput, DocumentReuse,
    ::testing::Values(
        Change{"nothing", [](Inputs&) {}, nothing},
        Change{"post_text",
               [](Inputs& in) {
                 in.wxr = replaced_all(in.wxr, "Ich arbeite jetzt morgens früh.",
                                       "Ich arbeite jetzt um sechs.");
               },
               one(kSummer)},
        Change{"post_title",
               [](Inputs& in) {
                 in.wxr =
                     replaced_all(in.wxr, "<title>Zinken von Hand", "<title>Zinken mit der Hand");
               },
               one(kDovetails)},
        Change{"post_unpublished",  // its neighbours link past it, listings close the gap
               [](Inputs& in) {
                 in.wxr = replaced_after(in.wxr, "<title>Zinken von Hand", "<wp:status>publish",
                                         "<wp:status>draft");
               },
               nothing},
        Change{"category_name",
               [](Inputs& in) { in.wxr = replaced_all(in.wxr, "[Alltag]]", "[Alltägliches]]"); },
               nothing},
        Change{"comment_approved",
               [](Inputs& in) {
                 in.wxr = replaced_all(in.wxr, "<wp:comment_approved>0</wp:comment_approved>",
                                       "<wp:comment_approved>1</wp:comment_approved>");
               },
               one("2007/03/die-hobelbank-ist-fertig/index.html")},
        Change{"config_notice",
               [](Inputs& in) {
                 in.config = replaced_all(in.config, "[notice]\n",
                                          "[notice]\ntext = \"Ein altes Blog.\"\n");
               },
               articles},
        Change{"config_cookie_text",
               [](Inputs& in) {
                 in.config = replaced_all(in.config, "[cookie_notice]\n",
                                          "[cookie_notice]\ntext = \"Keine Cookies.\"\n");
               },
               // The privacy policy does not show the notice that links to it.
               all_but("datenschutzerklaerung/index.html")},
        Change{"config_per_page",
               [](Inputs& in) {
                 in.config = replaced_all(in.config, "per_page = 10", "per_page = 4");
               },
               one("index.html")},
        Change{"config_title",
               [](Inputs& in) {
                 in.config =
                     replaced_all(in.config, "Werkstattblog – Archiv", "Werkstatt – Archiv");
               },
               every},
        Change{"theme_template",
               [](Inputs& in) {
                 in.theme["templates/article.html"] =
                     default_theme_file("templates/article.html") + "<!-- neu -->\n";
               },
               articles},
        Change{"theme_comment_template",
               [](Inputs& in) {
                 in.theme["templates/comment.html"] = replaced_all(
                     default_theme_file("templates/comment.html"), "<li", "<li data-neu");
               },
               one("2007/03/die-hobelbank-ist-fertig/index.html")},
        Change{"catalog_message",
               [](Inputs& in) {
                 in.theme["i18n/de.toml"] =
                     replaced_all(default_theme_file("i18n/de.toml"), "Seite {page} von {pages}",
                                  "Seite {page}/{pages}");
               },
               one("index.html")}),
    [](const ::testing::TestParamInfo<Change>& param) { return param.param.name; });

TEST(DocumentReuseFiles, AFileChangedByHandIsRenderedAgain) {
  const auto dir = fresh_temp_dir("reuse-by-hand");
  write_inputs(dir, Inputs{});
  build(dir, "site");
  std::ofstream(dir / "site" / kSummer) << "von Hand geändert";
  const auto rendered = build(dir, "site");
  ASSERT_EQ(rendered.size(), 1u);
  EXPECT_EQ(rendered.begin()->first, kSummer);
  EXPECT_EQ(rendered.begin()->second, "its file was changed or removed since the last build");
  build(dir, "fresh", {"--no-render-cache"});
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "fresh"));
}

TEST(DocumentReuseFiles, CompressedCopiesComeAndGoWithTheirDocuments) {
  const auto dir = fresh_temp_dir("reuse-precompress");
  write_inputs(dir, Inputs{});
  build(dir, "site");
  EXPECT_FALSE(build(dir, "site", {"--precompress"}).empty())
      << "no document may be kept without its .gz";
  build(dir, "fresh-gz", {"--no-render-cache", "--precompress"});
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "fresh-gz"));
  EXPECT_TRUE(build(dir, "site", {"--precompress"}).empty())
      << "an unchanged rebuild renders nothing";
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "fresh-gz"));
  build(dir, "site");
  build(dir, "fresh", {"--no-render-cache"});
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "fresh"))
      << ".gz files must go when precompression is off";
}

TEST(DocumentReuseFiles, EachOutputFolderKeepsItsOwnDocuments) {
  const auto dir = fresh_temp_dir("reuse-folders");
  write_inputs(dir, Inputs{});
  build(dir, "one");
  EXPECT_FALSE(build(dir, "two").empty()) << "a new folder has nothing to keep";
  EXPECT_TRUE(build(dir, "one").empty());
  EXPECT_TRUE(build(dir, "two").empty());
}

TEST(ThemeTemplates, ABrokenTemplateStopsTheBuildWithItsPlaceAndLeavesTheLastSite) {
  const auto dir = fresh_temp_dir("broken-template");
  write_inputs(dir, Inputs{});
  build(dir, "site");
  const auto before = read_tree(dir / "site");
  Inputs inputs;
  inputs.theme["templates/entry.html"] =
      "<article>\n  {{#excerpt}}<p>{{{excerpt}}}</p>\n</article>\n";
  write_inputs(dir, inputs);
  const auto run = run_cli({"build", "--quiet", "--store", (dir / "blog.db").string(), "--config",
                            (dir / "archive.toml").string(), "--out", (dir / "site").string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.output.find(
                "templates/entry.html: line 2, column 3: section \"excerpt\" is never closed"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(read_tree(dir / "site"), before);
}

}  // namespace
}  // namespace blogarchive::testing
