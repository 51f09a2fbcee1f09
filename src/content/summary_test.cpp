#include "content/summary.hpp"

#include <gtest/gtest.h>

#include "content/body.hpp"

namespace blogarchive::content {
namespace {

std::string summary_of(std::string_view raw) {
  return render_body(raw, BodyOptions{}).summary;
}

TEST(Summary, EndsListItemsAndHeadingsWithPunctuation) {
  EXPECT_EQ(
      summary_of(
          "<h2>Werkzeug</h2><ul><li>Hobel</li><li>Säge</li><li>Leim!</li></ul><p>Mehr nicht</p>"),
      "Werkzeug. Hobel; Säge; Leim! Mehr nicht.");
}

TEST(Summary, TakesAParagraphEndingInANoBreakSpaceAsEnded) {
  EXPECT_EQ(summary_of("<p>Schreib mir.&nbsp;</p><p>Danke&nbsp;</p>"), "Schreib mir. Danke.");
}

TEST(Summary, LeavesOutWhatTheArchiveAddedAndBareUrls) {
  const std::string summary = summary_of(
      "Das Video:\n\nhttps://www.youtube.com/watch?v=abc\n\n<img "
      "src=\"https://cdn.example.net/a.jpg\" alt=\"Bank\"> "
      "Siehe <a href=\"http://example.org/x\">http://example.org/x</a> und "
      "www.example.org.\n\n[code]int x;[/code]");
  EXPECT_EQ(summary, "Das Video: Siehe und");
  EXPECT_EQ(summary.find("image on"), std::string::npos);
}

TEST(Summary, KeepsTheSearchTextWhole) {
  const Body body = render_body(
      "<img src=\"https://cdn.example.net/a.jpg\" alt=\"Hobelbank\"> Text", BodyOptions{});
  EXPECT_NE(body.text.find("Hobelbank"), std::string::npos);
  EXPECT_EQ(body.summary, "Text.");
}

TEST(Summary, ReadsTitlesWrittenWithMarkup) {
  EXPECT_EQ(text_of_html("Title <em>With</em> <b>Mark<sup>up</sup></b>"), "Title With Markup");
  EXPECT_EQ(text_of_html("Tom & Jerry"), "Tom & Jerry");
  EXPECT_EQ(text_of_html("a < b"), "a < b");
}

}  // namespace
}  // namespace blogarchive::content
