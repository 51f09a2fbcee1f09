#include "core/slug.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(Slugify, SpellsGermanUmlautsOut) {
  EXPECT_EQ(slugify("Überlegungen zur Größe"), "ueberlegungen-zur-groesse");
  EXPECT_EQ(slugify("Straße & Café – 2010!"), "strasse-cafe-2010");
}

TEST(Slugify, TransliteratesOtherScripts) {
  EXPECT_EQ(slugify("Привет"), "privet");
}

TEST(Slugify, GivesEmptyForPunctuationOnly) {
  EXPECT_EQ(slugify("!!! ???"), "");
}

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

TEST(Slug, OfAnOldPermalinkIsItsLastSegmentWithoutExtension) {
  EXPECT_EQ(slug_of_url("http://youngdoctornotes.blogspot.com/2010/11/the-steel-windpipe.html"),
            "the-steel-windpipe");
  EXPECT_EQ(slug_of_url("https://rss.com/blog/how-to-start/"), "how-to-start");
  EXPECT_EQ(slug_of_url("http://example.org/2009/05/gr%C3%BC%C3%9Fe/"), "gruesse");
  EXPECT_EQ(slug_of_url(""), "");
  EXPECT_EQ(slug_of_url("http://example.org/"), "");
}

}  // namespace blogarchive::core
