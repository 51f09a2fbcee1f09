#include "importers/xml_repair.hpp"

#include <gtest/gtest.h>

namespace blogarchive::importers {
namespace {

TEST(XmlRepair, LeavesOutTextBeforeTheDeclarationKeepingLineNumbers) {
  std::string text =
      "<b>Warning</b>: headers already sent\n<br />\n<?xml version=\"1.0\"?>\n<rss/>";
  const auto repairs = repair_xml_text(text);
  EXPECT_EQ(text, "<?xml version=\"1.0\"?>\n\n\n<rss/>");
  ASSERT_EQ(repairs.size(), 1U);
  EXPECT_EQ(repairs[0].line, 1);
  EXPECT_NE(repairs[0].what.find("44 bytes before the XML declaration"), std::string::npos)
      << repairs[0].what;
  EXPECT_EQ(text_before_xml("\xEF\xBB\xBF  <?xml version=\"1.0\"?>"), 0U);
  EXPECT_EQ(text_before_xml("<!-- generator --><rss>"), 0U);
}

TEST(XmlRepair, RemovesControlBytesAndSaysWhere) {
  const char raw[] = "<a>x\n y\x01z\x00</a>";
  std::string text(raw, sizeof raw - 1);  // with the NUL
  const auto repairs = repair_xml_text(text);
  EXPECT_EQ(text, "<a>x\n yz</a>");
  ASSERT_EQ(repairs.size(), 2U);
  EXPECT_EQ(repairs[0].line, 2);
  EXPECT_EQ(repairs[0].column, 3);
  EXPECT_NE(repairs[1].what.find("0x00"), std::string::npos);
}

TEST(XmlRepair, EscapesACdataEndInsideThePost) {
  std::string text =
      "<item><content:encoded><![CDATA[if (a[b[0]]>1) "
      "x();]]></content:encoded><title>t</title></item>";
  const auto repairs = repair_xml_text(text);
  EXPECT_EQ(text,
            "<item><content:encoded><![CDATA[if (a[b[0]]]]><![CDATA[>1) x();]]></content:encoded>"
            "<title>t</title></item>");
  ASSERT_EQ(repairs.size(), 1U);
  EXPECT_EQ(repairs[0].column, 42);
}

TEST(XmlRepair, LeavesWellFormedExportsAlone) {
  std::string text = "<?xml version=\"1.0\"?>\n<rss><c><![CDATA[a]]]]><![CDATA[>b]]></c></rss>";
  const std::string before = text;
  EXPECT_TRUE(repair_xml_text(text).empty());
  EXPECT_EQ(text, before);
}

}  // namespace
}  // namespace blogarchive::importers
