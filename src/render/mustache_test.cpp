#include "render/mustache.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "test_paths.hpp"

namespace blogarchive::render {
namespace {

// The specification's data as a view: numbers become the text JSON writes for them
// ("1.21", "85"), null is a value that does not show.
View view_of(const nlohmann::json& data) {
  switch (data.type()) {
    case nlohmann::json::value_t::object: {
      View object;
      for (const auto& [name, value] : data.items())
        object.set(name, view_of(value));
      return object;
    }
    case nlohmann::json::value_t::array: {
      std::vector<View> items;
      for (const auto& item : data)
        items.push_back(view_of(item));
      return View::list(std::move(items));
    }
    case nlohmann::json::value_t::string:
      return View(data.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return View(data.get<bool>());
    case nlohmann::json::value_t::null:
      return View(false);
    default:
      return View(data.dump());
  }
}

// Runs every test of one file of the official Mustache specification (the required
// parts: ../shared/fixtures/mustache-spec). Without that folder the test skips, or
// fails when CI=true, where the fixtures must be present.
void run_spec_file(const std::string& name) {
  const auto path = testing::shared_fixtures_dir() / "mustache-spec" / (name + ".json");
  if (!std::filesystem::exists(path)) {
    if (testing::running_in_ci())
      FAIL() << "CI=true but " << path << " is missing";
    GTEST_SKIP() << "skipped: " << path
                 << " is missing (the shared fixtures are not beside this clone)";
  }
  const auto spec = nlohmann::json::parse(testing::read_file(path));
  ASSERT_FALSE(spec.at("tests").empty());
  for (const auto& test : spec.at("tests")) {
    SCOPED_TRACE(name + ": " + test.at("name").get<std::string>() + " (" +
                 test.at("desc").get<std::string>() + ")");
    Partials partials;
    if (test.contains("partials")) {
      for (const auto& [partial, text] : test.at("partials").items()) {
        partials.emplace(partial, Template::compile(text.get<std::string>()));
      }
    }
    const auto compiled = Template::compile(test.at("template").get<std::string>());
    EXPECT_EQ(compiled.render(view_of(test.at("data")), &partials),
              test.at("expected").get<std::string>());
  }
}

TEST(MustacheSpec, Interpolation) {
  run_spec_file("interpolation");
}
TEST(MustacheSpec, Sections) {
  run_spec_file("sections");
}
TEST(MustacheSpec, InvertedSections) {
  run_spec_file("inverted");
}
TEST(MustacheSpec, Comments) {
  run_spec_file("comments");
}
TEST(MustacheSpec, Partials) {
  run_spec_file("partials");
}
TEST(MustacheSpec, Delimiters) {
  run_spec_file("delimiters");
}

TEST(Mustache, EscapesApostrophesForAttributesInSingleQuotes) {
  const auto view = View::object({{"title", "Tom's <b>&</b>"}});
  EXPECT_EQ(Template::compile("{{title}}|{{{title}}}|{{&title}}").render(view),
            "Tom&apos;s &lt;b&gt;&amp;&lt;/b&gt;|Tom's <b>&</b>|Tom's <b>&</b>");
}

TEST(Mustache, ShowsAFlagAsASectionButNeverAsText) {
  const auto view =
      View::object({{"on", true}, {"off", false}, {"empty", View::text_or_false("")}});
  EXPECT_EQ(Template::compile(
                "[{{on}}{{off}}{{empty}}]{{#on}}a{{/on}}{{#off}}b{{/off}}{{^empty}}c{{/empty}}")
                .render(view),
            "[]ac");
}

TEST(Mustache, NamesTheLineAndColumnOfAnUnclosedSection) {
  try {
    Template::compile("<p>\n  {{#comments}}{{name}}\n</p>");
    FAIL() << "an unclosed section compiled";
  } catch (const TemplateError& error) {
    EXPECT_EQ(error.line(), 2);
    EXPECT_EQ(error.column(), 3);
    EXPECT_NE(std::string(error.what()).find("{{/comments}}"), std::string::npos) << error.what();
  }
}

TEST(Mustache, NamesAMismatchedClosingTagAndWhereTheSectionOpened) {
  try {
    Template::compile("{{#a}}{{#b}}{{/a}}{{/b}}");
    FAIL() << "crossed sections compiled";
  } catch (const TemplateError& error) {
    EXPECT_EQ(error.column(), 13);
    EXPECT_NE(std::string(error.what()).find("line 1, column 7"), std::string::npos)
        << error.what();
  }
  EXPECT_THROW(Template::compile("x{{/a}}"), TemplateError);
  EXPECT_THROW(Template::compile("{{name"), TemplateError);
  EXPECT_THROW(Template::compile("{{=<%%>=}}"), TemplateError);
}

TEST(Mustache, AppendsToTheCallersBuffer) {
  std::string out = "head:";
  Template::compile("{{#items}}{{.}},{{/items}}")
      .render(View::object({{"items", View::list({"a", "b"})}}), out);
  EXPECT_EQ(out, "head:a,b,");
}

}  // namespace
}  // namespace blogarchive::render
