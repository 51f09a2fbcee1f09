#include "content/html_tree.hpp"

#include <gtest/gtest.h>

namespace blogarchive::content {

TEST(HtmlTree, RepairsBrokenMarkupLikeABrowser) {
  EXPECT_EQ(serialize(parse_fragment("<p>a<b>b<i>c</b>d")), "<p>a<b>b<i>c</i></b><i>d</i></p>");
}

TEST(HtmlTree, EscapesTextAndAttributes) {
  EXPECT_EQ(serialize(parse_fragment("<a title='\"x\" &amp; y'>1 &lt; 2</a>")),
            "<a title=\"&quot;x&quot; &amp; y\">1 &lt; 2</a>");
}

TEST(HtmlTree, KeepsVoidElementsWithoutEndTags) {
  EXPECT_EQ(serialize(parse_fragment("a<br/>b<img src=x.png>")), "a<br>b<img src=\"x.png\">");
}

TEST(HtmlTree, KeepsALeadingNewlineInPre) {
  const std::string html = "<pre>\n\nx</pre>";
  EXPECT_EQ(serialize(parse_fragment(html)), html);
}

TEST(HtmlTree, ExtractsVisibleText) {
  EXPECT_EQ(extract_text(parse_fragment("<p>Hallo <b>Welt</b></p><p>zwei</p><script>x</script>")),
            "Hallo Welt zwei");
}

}  // namespace blogarchive::content
