#include "pipeline/item_codec.hpp"

#include <gtest/gtest.h>

namespace blogarchive::pipeline {

TEST(ItemCodec, RoundTripsAnItemWithNestedCommentsAndWarnings) {
  RenderedEntry entry;
  entry.item.body_html = "<p>Grüße: 12:34 und \"Zitate\"</p>";
  entry.item.excerpt_html = "<p>Grüße</p>";
  entry.item.summary_text = "Grüße";
  entry.item.comment_count = 2;
  render::RenderedComment reply{2, "Jonas", "", core::DateTime{2010, 1, 6, 8, 0, 0}, "<p>Danke</p>",
                                {}};
  entry.item.comments.push_back({1,
                                 "Maria",
                                 "https://maria.example/",
                                 core::DateTime{2010, 1, 5, 9, 30, 0},
                                 "<p>Schön</p>",
                                 {reply}});
  entry.item.pings.push_back({3, "Anderes Blog", "https://blog.example/", std::nullopt, "", {}});
  entry.warnings = {"the shortcode [foo] cannot run"};

  const auto decoded = decode_entry(encode_entry(entry));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->item.body_html, entry.item.body_html);
  EXPECT_EQ(decoded->item.excerpt_html, entry.item.excerpt_html);
  EXPECT_EQ(decoded->item.comment_count, 2);
  ASSERT_EQ(decoded->item.comments.size(), 1u);
  EXPECT_EQ(decoded->item.comments[0].url, "https://maria.example/");
  ASSERT_EQ(decoded->item.comments[0].replies.size(), 1u);
  EXPECT_EQ(decoded->item.comments[0].replies[0].date, reply.date);
  EXPECT_EQ(decoded->item.pings[0].date, std::nullopt);
  EXPECT_EQ(decoded->warnings, entry.warnings);
  EXPECT_EQ(encode_entry(*decoded), encode_entry(entry));
}

TEST(ItemCodec, RejectsDamagedBytes) {
  RenderedEntry entry;
  entry.item.body_html = "<p>Text</p>";
  const std::string bytes = encode_entry(entry);
  EXPECT_FALSE(decode_entry(bytes.substr(0, bytes.size() - 1)).has_value());
  EXPECT_FALSE(decode_entry(bytes + "1:x").has_value());
  EXPECT_FALSE(decode_entry("999999999999:abc").has_value());
  EXPECT_FALSE(decode_entry("").has_value());
}

}  // namespace blogarchive::pipeline
