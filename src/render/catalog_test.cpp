#include "render/catalog.hpp"

#include <gtest/gtest.h>

#include "blogarchive/error.hpp"
#include "render/embedded_theme.hpp"

namespace blogarchive::render {

TEST(Catalog, BothLanguagesHaveTheSameKeys) {
  const auto& files = embedded_theme_files();
  const auto de = Catalog::parse(files.at("i18n/de.toml"), "de");
  const auto en = Catalog::parse(files.at("i18n/en.toml"), "en");
  std::vector<std::string> de_keys;
  std::vector<std::string> en_keys;
  for (const auto& [key, value] : de.all())
    de_keys.push_back(key);
  for (const auto& [key, value] : en.all())
    en_keys.push_back(key);
  EXPECT_EQ(de_keys, en_keys);
}

TEST(Catalog, FormatsDatesTheWayEachLanguageWritesThem) {
  const auto& files = embedded_theme_files();
  const core::DateTime date{2010, 1, 5, 12, 0, 0};
  EXPECT_EQ(Catalog::parse(files.at("i18n/de.toml"), "de").date(date), "05.01.2010");
  EXPECT_EQ(Catalog::parse(files.at("i18n/en.toml"), "en").date(date), "January 5, 2010");
  EXPECT_EQ(Catalog::parse(files.at("i18n/de.toml"), "de").month_year(date), "Januar 2010");
}

TEST(Catalog, FillsPlaceholders) {
  const auto catalog = Catalog::parse("date_style = \"long\"\nintro = \"von {a} bis {b}\"", "de");
  EXPECT_EQ(catalog.format("intro", {{"a", "2006"}, {"b", "2011"}}), "von 2006 bis 2011");
}

TEST(Catalog, PutsMessagesIntoTemplatesOnceEscapedOrRaw) {
  const auto catalog = Catalog::parse("date_style = \"long\"\nmore = \"mehr <lesen>\"", "de");
  EXPECT_EQ(
      localize_template("<a>{{t.more}}</a>|{{{t.more}}}|{{ t.more }}|{{title}}", catalog, "x.html"),
      "<a>mehr &lt;lesen&gt;</a>|mehr <lesen>|mehr &lt;lesen&gt;|{{title}}");
  EXPECT_THROW(localize_template("{{t.missing}}", catalog, "x.html"), InputError);
}

}  // namespace blogarchive::render
