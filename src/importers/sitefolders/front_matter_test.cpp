// Front matter and the small readers around it, on Jekyll's own edge-case files
// (../shared/fixtures/jekyll/source, docs/fixture-assertions.md §11) and inline text.
#include "importers/sitefolders/front_matter.hpp"

#include <gtest/gtest.h>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "importers/sitefolders/permalinks.hpp"
#include "importers/sitefolders/site_files.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

TextFile split_fixture(const std::string& path) {
  const auto file = testing::shared_fixtures_dir() / "jekyll" / "source" / path;
  core::Diagnostics diagnostics;
  const auto text = decode_text(core::read_file(file).value(), path, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return split_front_matter(text, path);
}

std::string error_of(const std::string& text, const std::string& name) {
  try {
    split_front_matter(text, name);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(FrontMatter, ReadsYamlTomlAndJsonBlocks) {
  const auto yaml =
      split_front_matter("---\ntitle: \"A: B\"\ntags: [a, b]\ndraft: yes\n---\nBody\n", "y.md");
  ASSERT_TRUE(yaml.has_front_matter);
  EXPECT_EQ(yaml.front_matter.text("title"), "A: B");
  EXPECT_EQ(yaml.front_matter.list("tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(yaml.front_matter.flag("draft"), true);
  EXPECT_EQ(yaml.body, "Body\n");

  const auto toml = split_front_matter(
      "+++\nTitle = \"T\"\ndate = 2019-03-11T10:00:00+02:00\n[build]\nrender = "
      "\"never\"\n+++\nText",
      "t.md");
  EXPECT_EQ(toml.front_matter.text("title"), "T");  // keys are case-insensitive, as in Hugo
  EXPECT_EQ(toml.front_matter.text("date"), "2019-03-11T10:00:00+02:00");
  EXPECT_EQ(toml.front_matter.text("build.render"), "never");
  EXPECT_EQ(toml.body, "Text");

  const auto json =
      split_front_matter("{\n  \"title\": \"J\",\n  \"tags\": [\"x\"]\n}\nJSON body\n", "j.md");
  EXPECT_EQ(json.front_matter.text("title"), "J");
  EXPECT_EQ(json.front_matter.list("tags"), std::vector<std::string>{"x"});
  EXPECT_EQ(json.body, "JSON body\n");
}

TEST(FrontMatter, FollowsJekyllsFenceRules) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  EXPECT_EQ(split_fixture("_posts/2015-12-27-extra-spaces.markdown").front_matter.text("extra"),
            "spaces");
  const auto dots = split_fixture("_posts/2014-03-03-yaml-with-dots.md");
  EXPECT_EQ(dots.front_matter.text("title"), "Test Post Where YAML Ends in Dots");
  EXPECT_EQ(dots.body, "\n# Test\n");
  const auto dash = split_fixture("_posts/2010-01-08-triple-dash.markdown");
  EXPECT_EQ(dash.front_matter.text("title"), "Foo --- Bar");
  EXPECT_TRUE(split_fixture("_posts/2009-06-22-empty-yaml.markdown").has_front_matter);
  EXPECT_FALSE(split_fixture("_posts/2009-06-22-no-yaml.markdown").has_front_matter);
  // A PGP block is a body, not front matter.
  const auto pgp = split_front_matter("-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n---\n", "key.md");
  EXPECT_FALSE(pgp.has_front_matter);
}

TEST(FrontMatter, DecodesByteOrderMarksAndLineEnds) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto utf16 = split_fixture("_encodings/Unicode16LECRLFandBOM.md");
  EXPECT_EQ(utf16.front_matter.text("title"), "Unicode16CRLFandBOM");
  EXPECT_EQ(utf16.body.find('\r'), std::string::npos);
  const auto utf8 = split_fixture("_encodings/UTF8CRLFandBOM.md");
  EXPECT_EQ(utf8.front_matter.text("title"), "UTF8CRLFandBOM");
  EXPECT_EQ(utf8.front_matter.text("categories"), "bom");
  EXPECT_NE(utf8.body.find("\xE2\x80\x99"),
            std::string::npos);  // the typographic apostrophe survives

  core::Diagnostics diagnostics;
  EXPECT_EQ(decode_text("caf\xE9\r\n", "old.md", diagnostics), "caf\xC3\xA9\n");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_EQ(diagnostics.warnings()[0].location, "old.md");
}

TEST(FrontMatter, ErrorsNameFileLineAndColumn) {
  const std::string yaml =
      error_of("---\ntitle: ok\ntags: [a, b\n---\nBody", "_posts/2010-01-01-x.md");
  EXPECT_NE(yaml.find("_posts/2010-01-01-x.md:"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("YAML front matter does not parse"), std::string::npos) << yaml;
  const std::string toml = error_of("+++\ntitle = \"ok\"\ndate = = 3\n+++\n", "content/a.md");
  EXPECT_NE(toml.find("content/a.md:3:"), std::string::npos) << toml;
}

TEST(FrontMatter, ListsFollowJekyllsPluralRule) {
  const auto file =
      split_front_matter("---\ncategories: foo bar baz\ncategory:\nnumber: 2013\n---\n", "c.md");
  EXPECT_EQ(file.front_matter.list("categories", true),
            (std::vector<std::string>{"foo", "bar", "baz"}));
  EXPECT_TRUE(file.front_matter.list("category").empty());  // null
  EXPECT_EQ(file.front_matter.list("number"), std::vector<std::string>{"2013"});
}

TEST(FrontMatterDates, ReadZonesAndRefuseNonDates) {
  const auto plain = parse_front_matter_date("2010-01-10");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->local, (core::DateTime{2010, 1, 10, 0, 0, 0}));
  EXPECT_FALSE(plain->utc);
  const auto zoned = parse_front_matter_date("2017-04-05 16:16:01 -0800");
  ASSERT_TRUE(zoned);
  EXPECT_EQ(zoned->utc, (core::DateTime{2017, 4, 6, 0, 16, 1}));
  EXPECT_TRUE(parse_front_matter_date("2999-01-01"));  // far future: still a date
  EXPECT_FALSE(parse_front_matter_date("2010-02-30"));
  EXPECT_FALSE(parse_front_matter_date("yesterday"));
}

TEST(FileNames, DatesWithoutZerosAndTitlesFromSlugs) {
  const auto named = date_in_file_name("2017-2-5-i-dont-like-zeroes.md");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->date, (core::DateTime{2017, 2, 5, 0, 0, 0}));
  EXPECT_EQ(named->rest, "i-dont-like-zeroes.md");
  EXPECT_FALSE(date_in_file_name("dubious.markdown"));
  EXPECT_EQ(title_from_slug("i-dont-like-zeroes"), "I Dont Like Zeroes");
}

TEST(Permalinks, JekyllStylesAndSlugs) {
  PermalinkFields fields;
  fields.date = core::DateTime{2008, 2, 2, 0, 0, 0};
  fields.title = jekyll_slug("published");
  fields.categories = {"publish_test"};
  EXPECT_EQ(expand_permalink(jekyll_permalink_pattern("date"), fields),
            "/publish_test/2008/02/02/published.html");
  EXPECT_EQ(expand_permalink(jekyll_permalink_pattern("pretty"), fields),
            "/publish_test/2008/02/02/published/");
  EXPECT_EQ(expand_permalink(jekyll_permalink_pattern("none"), fields),
            "/publish_test/published.html");
  EXPECT_EQ(expand_permalink("/:year/:i_month/:title", fields), "/2008/2/published");
  EXPECT_EQ(jekyll_slug("trailing-dots.."), "trailing-dots");
  EXPECT_EQ(jekyll_slug("special-chars-(+)"), "special-chars-(+)");
  EXPECT_EQ(jekyll_slug("escape-+ %20[]"), "escape-+-20");
  EXPECT_EQ(jekyll_slug("Rmd-extension"), "Rmd-extension");  // case is kept
  EXPECT_EQ(jekyll_slug("Überlegungen zum Rad"), "Überlegungen-zum-Rad");
}

TEST(Permalinks, HugoPatternsAndUrlize) {
  PermalinkFields fields;
  fields.date = core::DateTime{2019, 3, 11, 0, 0, 0};
  fields.title = hugo_urlize("Markdown Syntax Guide");
  fields.slug = fields.title;
  fields.section = "post";
  EXPECT_EQ(expand_permalink("/:year/:month/:slug/", fields), "/2019/03/markdown-syntax-guide/");
  EXPECT_EQ(expand_permalink("/:section/:yearday-:monthname/", fields), "/post/70-march/");
  EXPECT_EQ(hugo_urlize("Über Äpfel & Birnen"), "über-äpfel--birnen");
}

}  // namespace
}  // namespace blogarchive::importers::sitefolders
