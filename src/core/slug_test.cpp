#include "core/slug.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(Slugify, SpellsGermanUmlautsOut) {
  EXPECT_EQ(slugify("Überlegungen zur Größe"), "ueberlegungen-zur-groesse");
  EXPECT_EQ(slugify("Straße & Café – 2010!"), "strasse-cafe-2010");
}

TEST(Slugify, TransliteratesOtherScripts) { EXPECT_EQ(slugify("Привет"), "privet"); }

TEST(Slugify, GivesEmptyForPunctuationOnly) { EXPECT_EQ(slugify("!!! ???"), ""); }

TEST(Slugify, IsIdempotentAndUrlSafe) {
  const char* titles[] = {"Hallo Welt", "blogs part 1/2", "  --a--b--  ", "Ελληνικά", "日本語"};
  for (const char* title : titles) {
    const std::string once = slugify(title);
    EXPECT_EQ(slugify(once), once) << title;
    EXPECT_EQ(once.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos)
        << title;
  }
  EXPECT_EQ(slugify("blogs part 1/2"), "blogs-part-1-2");
}

}  // namespace blogarchive::core
