#include <gtest/gtest.h>

#include "site/paths.hpp"
#include "zim/illustration.hpp"
#include "zim/relative_links.hpp"
#include "zim/zim_archive.hpp"

namespace blogarchive::zim {
namespace {

TEST(RelativeLinks, LeadFromOneEntryToAnother) {
  EXPECT_EQ(site::output_file("/"), "index.html");
  EXPECT_EQ(site::output_file("/2010/01/x/"), "2010/01/x/index.html");
  EXPECT_EQ(site::output_file("/assets/style.css"), "assets/style.css");
  EXPECT_EQ(relative_url("2010/01/x/index.html", "/2010/02/y/"), "../../02/y/index.html");
  EXPECT_EQ(relative_url("2010/01/x/index.html", "/"), "../../../index.html");
  EXPECT_EQ(relative_url("index.html", "/assets/style.css"), "assets/style.css");
  EXPECT_EQ(relative_url("index.html", "/page/2/#content"), "page/2/index.html#content");
  EXPECT_EQ(relative_url("tag/x/index.html", "/tag/x/page/2/"), "page/2/index.html");
}

TEST(RelativeLinks, RewriteOnlyRootRelativeUrlsOfLinkAttributes) {
  const std::string html =
      "<link rel=\"stylesheet\" href=\"/assets/style.css\"><a href=\"/2010/\">2010</a>"
      "<a href=\"https://example.org/x\">x</a><a href=\"//cdn.example/x\">y</a>"
      "<img src=\"/wp-content/uploads/a.jpg\" srcset=\"/wp-content/uploads/a-2.jpg 2x, b.jpg 3x\">"
      "<meta property=\"og:url\" content=\"/not-a-link/\"><p data-href=\"/x/\">";
  EXPECT_EQ(make_links_relative(html, "2010/01/x/index.html"),
            "<link rel=\"stylesheet\" href=\"../../../assets/style.css\"><a "
            "href=\"../../index.html\">2010</a>"
            "<a href=\"https://example.org/x\">x</a><a href=\"//cdn.example/x\">y</a>"
            "<img src=\"../../../wp-content/uploads/a.jpg\" "
            "srcset=\"../../../wp-content/uploads/a-2.jpg 2x, b.jpg 3x\">"
            "<meta property=\"og:url\" content=\"/not-a-link/\"><p data-href=\"/x/\">");
}

TEST(RelativeLinks, DropTheHeaderSearchForm) {
  EXPECT_EQ(without_site_search(
                "<header><form class=\"site-search\" action=\"/search/\"><input></form></header>"),
            "<header></header>");
  EXPECT_EQ(without_site_search("<form class=\"other\"></form>"), "<form class=\"other\"></form>");
}

TEST(ZimMetadata, TitlesAreCutAtCharactersNotBytes) {
  EXPECT_EQ(truncated("Werkstattblog – Archiv", 30), "Werkstattblog – Archiv");
  EXPECT_EQ(truncated("Überlänge über Überlänge über alles", 10), "Überlänge…");
}

TEST(Illustration, IsA48PixelPng) {
  const std::string png = default_illustration_png();
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(png.substr(16, 8), std::string("\0\0\0\x30\0\0\0\x30", 8));
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
}

}  // namespace
}  // namespace blogarchive::zim
