#include "core/encoding.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(Encoding, RepairsOnlyTextThatIsUtf8EncodedTwice) {
  bool repaired = false;
  EXPECT_EQ(repair_double_encoding("Gr\xC3\x83\xC2\xBC\xC3\x83\xC2\x9F", repaired),
            "Gr\xC3\xBC\xC3\x9F");  // GrÃ¼Ã → Grüß
  EXPECT_TRUE(repaired);
  // Real Latin-1 text: "für" as bytes is not UTF-8, so it stays.
  EXPECT_EQ(repair_double_encoding("f\xC3\xBCr", repaired), "f\xC3\xBCr");
  EXPECT_FALSE(repaired);
  // A character above U+00FF (here €) means the text was not Latin-1: no guessing.
  EXPECT_EQ(repair_double_encoding("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", repaired),
            "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2");
  EXPECT_FALSE(repaired);
  EXPECT_EQ(repair_double_encoding("plain ASCII", repaired), "plain ASCII");
  EXPECT_FALSE(repaired);
}

TEST(Encoding, RepairsDoubleEncodingThroughMysqlsLatin1) {
  bool repaired = false;
  // "Öl", "Á", "’": MySQL's latin1 shows their second bytes 0x96, 0x81, 0x80 0x99 as
  // "–", U+0081, "€" "™"; strict Latin-1 cannot read them back.
  const std::string mangled =
      "\xC3\x83\xE2\x80\x93l \xC3\x83\xC2\x81 \xC3\xA2\xE2\x82\xAC\xE2\x84\xA2";
  EXPECT_EQ(repair_double_encoding(mangled, repaired, SingleBytes::MysqlLatin1),
            "\xC3\x96l \xC3\x81 \xE2\x80\x99");
  EXPECT_TRUE(repaired);
  EXPECT_EQ(repair_double_encoding(mangled, repaired), mangled);
  EXPECT_FALSE(repaired);
  // Real text is left alone: "Grüße" maps to bytes that are not UTF-8.
  EXPECT_EQ(repair_double_encoding("Gr\xC3\xBC\xC3\x9F"
                                   "e",
                                   repaired, SingleBytes::MysqlLatin1),
            "Gr\xC3\xBC\xC3\x9F"
            "e");
  EXPECT_FALSE(repaired);
}

TEST(Encoding, ReadsC1ControlsAsWindows1252) {
  std::size_t repaired = 0;
  EXPECT_EQ(repair_c1_controls("don\xC2\x92t \xC2\x80", repaired), "don\xE2\x80\x99t \xE2\x82\xAC");
  EXPECT_EQ(repaired, 2u);
  repaired = 0;
  EXPECT_EQ(repair_c1_controls("hole \xC2\x81", repaired),
            "hole \xC2\x81");  // 0x81 means nothing else
  EXPECT_EQ(repaired, 0u);
}

TEST(Encoding, DetectsAndDecodesLegacyEncodings) {
  // "Привет, как дела? Это проверка." in KOI8-R.
  const std::string koi8 =
      "\xF0\xD2\xC9\xD7\xC5\xD4, \xCB\xC1\xCB \xC4\xC5\xCC\xC1? \xFC\xD4\xCF "
      "\xD0\xD2\xCF\xD7\xC5\xD2\xCB\xC1 \xD4\xC5\xCB\xD3\xD4\xC1 \xD7 "
      "\xCB\xCF\xC4\xC9\xD2\xCF\xD7\xCB\xC5.";
  const auto detected = detect_encoding(koi8);
  ASSERT_TRUE(detected);
  EXPECT_EQ(detected->name, "KOI8-R");
  EXPECT_EQ(decode_as("\xF0\xD2\xC9\xD7\xC5\xD4", "KOI8-R"), "Привет");
  EXPECT_FALSE(decode_as("x", "no-such-encoding"));
}

}  // namespace blogarchive::core
