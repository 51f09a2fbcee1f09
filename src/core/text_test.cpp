#include "core/text.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(EscapeHtml, EscapesMarkupCharacters) {
  EXPECT_EQ(escape_html("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(DecodeHtmlEntities, DecodesNamedAndNumericReferencesOnce) {
  EXPECT_EQ(decode_html_entities("Media &amp; Text"), "Media & Text");
  EXPECT_EQ(decode_html_entities("&amp;amp;"), "&amp;");
  EXPECT_EQ(decode_html_entities("Gr&ouml;&szlig;e &#8211; &#x201E;ok&#8220;"), "Größe – „ok“");
  EXPECT_EQ(decode_html_entities("don&#146;t"), "don’t");
}

TEST(DecodeHtmlEntities, KeepsUnknownAndBrokenReferences) {
  EXPECT_EQ(decode_html_entities("a & b &unknown; &#xZZ; &"), "a & b &unknown; &#xZZ; &");
}

TEST(IsValidUtf8, RejectsOverlongAndTruncatedSequences) {
  EXPECT_TRUE(is_valid_utf8("Grüße 💫"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("caf\xE9"));
  EXPECT_EQ(invalid_utf8_at("Grüße"), std::nullopt);
  EXPECT_EQ(invalid_utf8_at("ok\ncaf\xE9"), 6u);
  EXPECT_EQ(line_and_column("ok\ncaf\xE9", 6), std::make_pair(std::size_t{2}, std::size_t{4}));
  EXPECT_EQ(line_and_column("abc", 1), std::make_pair(std::size_t{1}, std::size_t{2}));
}

TEST(FirstWords, CutsAfterTheGivenNumberOfWords) {
  EXPECT_EQ(first_words("eins  zwei\ndrei vier", 2), "eins zwei\u2026");
  EXPECT_EQ(first_words("eins zwei", 5), "eins zwei");
}

TEST(Text, ReadsStrayBytesAsWindows1252) {
  std::size_t repaired = 0;
  // "don’t" with a Windows-1252 right quote, then a Latin-1 ü, inside valid UTF-8 text.
  EXPECT_EQ(repair_windows_1252("don\x92t gr\xFCn \xC3\xA4", repaired),
            "don\xE2\x80\x99t gr\xC3\xBCn \xC3\xA4");
  EXPECT_EQ(repaired, 2u);
  EXPECT_EQ(repair_windows_1252("sauber", repaired), "sauber");
  EXPECT_EQ(repaired, 2u);
}

TEST(Text, RepairsInvalidUtf8WithReplacementCharacters) {
  EXPECT_EQ(repair_utf8("gr\xC3\xBC\xC3n"), "gr\xC3\xBC\xEF\xBF\xBDn");
  EXPECT_EQ(repair_utf8("\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(repair_utf8("Stra\xC3\x9F"
                        "e"),
            "Stra\xC3\x9F"
            "e");
  EXPECT_EQ(repair_utf8("\xF0\x9F\x98"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Text, InitialIsTheFirstLetterOrDigitAsAWholeUpperCaseGrapheme) {
  EXPECT_EQ(initial("werkstattblog"), "W");
  EXPECT_EQ(initial("„über Holz“"), "Ü");
  EXPECT_EQ(initial("e\xCC\x81t\xC3\xA9"), "E\xCC\x81");  // e + combining acute stays one letter
  EXPECT_EQ(initial("  42 Dinge"), "4");
  EXPECT_EQ(initial("日本の庭"), "日");
  EXPECT_EQ(initial("– … !"), "");
}

}  // namespace blogarchive::core
