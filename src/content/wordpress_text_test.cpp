#include "content/wordpress_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace blogarchive::content {
namespace {

std::string filtered(std::string_view html) {
  std::vector<HtmlNode> nodes = parse_fragment(html);
  apply_wordpress_text_filters(nodes);
  return serialize(nodes);
}

TEST(WordPressText, TurnsASmileyThatStandsAloneIntoItsEmoji) {
  EXPECT_EQ(filtered("<p>Fertig :) endlich</p>"), "<p>Fertig \xF0\x9F\x99\x82 endlich</p>");
  EXPECT_EQ(filtered(":-D am Anfang"), "\xF0\x9F\x98\x80 am Anfang");
  EXPECT_EQ(filtered("am Ende ;)"), "am Ende \xF0\x9F\x98\x89");
  EXPECT_EQ(filtered("8-)"), "\xF0\x9F\x98\x8E");
  EXPECT_EQ(filtered("nach dem geschützten\xC2\xA0:("),
            "nach dem geschützten&nbsp;\xF0\x9F\x99\x81");
  EXPECT_EQ(filtered(":) :) :)"), "\xF0\x9F\x99\x82 \xF0\x9F\x99\x82 \xF0\x9F\x99\x82");
}

TEST(WordPressText, ReadsTheLongestSmileyAndLeavesTheRestAlone) {
  EXPECT_EQ(filtered("so :-) also"), "so \xF0\x9F\x99\x82 also");  // not ":-" and ")"
  EXPECT_EQ(filtered("eine Idee :idea: dazu"), "eine Idee \xF0\x9F\x92\xA1 dazu");
  EXPECT_EQ(filtered("so :!: wichtig"), "so \xE2\x9D\x97 wichtig");
  EXPECT_EQ(filtered("bleibt :mrgreen: Text"), "bleibt :mrgreen: Text");
  // Inside words, times, URLs and lists a colon is not a face.
  EXPECT_EQ(filtered("Uhrzeit 8:30, Verhältnis 3:2, (siehe Foto:)"),
            "Uhrzeit 8:30, Verhältnis 3:2, (siehe Foto:)");
  EXPECT_EQ(filtered("http://example.org:8080/ und a:)b und :)x"),
            "http://example.org:8080/ und a:)b und :)x");
  EXPECT_EQ(filtered("8 Stück, 88 Seiten, 8O"), "8 Stück, 88 Seiten, \xF0\x9F\x98\xAF");
}

TEST(WordPressText, CapitalizesThePInWordPressAfterABoundaryOnly) {
  EXPECT_EQ(filtered("Wordpress und (Wordpress) und myWordpress"),
            "WordPress und (WordPress) und myWordpress");
}

TEST(WordPressText, LeavesCodeAsTheAuthorTypedIt) {
  EXPECT_EQ(filtered("<p>Text :) <code>a :) Wordpress</code></p><pre>:-) 8-)</pre>"),
            "<p>Text \xF0\x9F\x99\x82 <code>a :) Wordpress</code></p><pre>:-) 8-)</pre>");
}

}  // namespace
}  // namespace blogarchive::content
