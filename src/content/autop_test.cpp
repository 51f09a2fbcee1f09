#include "content/autop.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace blogarchive::content {

TEST(Autop, MatchesPelicansWorkedExampleWithoutLineBreaks) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = testing::shared_fixtures_dir() / "pelican";
  const std::string encoded = testing::read_file(dir / "wordpress_content_encoded");
  const std::string decoded = testing::read_file(dir / "wordpress_content_decoded");
  ASSERT_FALSE(encoded.empty());
  EXPECT_EQ(autop(encoded, false), decoded);
}

TEST(Autop, TurnsSingleNewlinesIntoLineBreaks) {
  EXPECT_EQ(autop("Zeile eins\nZeile zwei\n\nAbsatz"),
            "<p>Zeile eins<br />\nZeile zwei</p>\n<p>Absatz</p>\n");
}

TEST(Autop, LeavesPreformattedTextAlone) {
  EXPECT_EQ(autop("a\n\n<pre>x\n\ny</pre>\n\nb"), "<p>a</p>\n<pre>x\n\ny</pre>\n<p>b</p>\n");
}

TEST(Autop, PutsNoParagraphAroundBlockElements) {
  EXPECT_EQ(autop("<h2>Titel</h2>\nText"), "<h2>Titel</h2>\n<p>Text</p>\n");
  EXPECT_EQ(autop("<ul>\n<li>a</li>\n</ul>"), "<ul>\n<li>a</li>\n</ul>\n");
}

TEST(Autop, GivesNothingForBlankInput) {
  EXPECT_EQ(autop(""), "");
  EXPECT_EQ(autop(" \n\n "), "");
}

TEST(Autop, KeepsNewlinesInsideTagsAsTheyAre) {
  EXPECT_EQ(autop("<a\nhref=\"x\">y</a>"), "<p><a\nhref=\"x\">y</a></p>\n");
}

}  // namespace blogarchive::content
