#include <gtest/gtest.h>

#include <fstream>

#include "checks/page_links.hpp"
#include "checks/site_check.hpp"
#include "test_paths.hpp"

namespace blogarchive::checks {
namespace {

TEST(PageLinks, FindsEveryUrlAPageFollowsOrLoads) {
  const auto links = page_links(
      "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/assets/style.css\">"
      "<link rel=\"canonical\" href=\"https://a.example/x/\"></head><body>"
      "<a href=\"../y/\">y</a><img src=\"b.png\" srcset=\"b-2x.png 2x, /c.png 3x\"><form "
      "action=\"/search/\"></form>"
      "<script src=\"/assets/search.js\"></script></body></html>");
  std::vector<std::string> urls;
  for (const auto& link : links) {
    urls.push_back(link.url + (link.is_resource ? " (resource)" : ""));
  }
  EXPECT_EQ(urls, (std::vector<std::string>{"/assets/style.css (resource)", "https://a.example/x/",
                                            "../y/", "b.png (resource)", "b-2x.png (resource)",
                                            "/c.png (resource)", "/search/",
                                            "/assets/search.js (resource)"}));
}

TEST(CheckLinks, ResolvesRelativeLinksAndFindsTheBrokenOnes) {
  const auto site = testing::fresh_temp_dir("check-links");
  std::filesystem::create_directories(site / "2010/01/a");
  std::filesystem::create_directories(site / "2010/01/b");
  std::ofstream(site / "index.html")
      << "<a href=\"/2010/01/a/\">a</a> <a href=\"2010/01/b\">b</a>"
         "<a href=\"https://archiv.example.org/2010/01/a/#x\">self</a>"
         "<a href=\"https://other.example/\">o</a><a href=\"mailto:x@y.z\">m</a>"
         "<a href=\"#top\">t</a><a href=\"/?p=1\">old</a><a href=\"/old/\">old</a>";
  std::ofstream(site / "2010/01/a/index.html") << "<a href=\"../b/\">b</a><img src=\"bild.jpg\">"
                                                  "<a href=\"../../../fehlt/\">gone</a>";
  std::ofstream(site / "2010/01/b/index.html") << "<a href=\"/\">home</a>";
  std::ofstream(site / "_redirects") << "/old/ /2010/01/a/ 301\n";
  CheckReport report;
  check_links(site, "https://archiv.example.org/", report);
  EXPECT_EQ(report.pages, 3u);
  EXPECT_EQ(report.external_links, 1u);  // mailto: and #top are not locations
  EXPECT_EQ(report.external_by_domain.at("other.example"), 1u);
  ASSERT_EQ(report.broken.size(), 2u);
  EXPECT_EQ(report.broken[0].page, "/2010/01/a/");
  EXPECT_EQ(report.broken[0].url, "bild.jpg");
  EXPECT_TRUE(report.broken[0].is_resource);
  EXPECT_EQ(report.broken[1].url, "../../../fehlt/");
  EXPECT_FALSE(report.ok());
  const std::string text = format_report(report, site, false);
  EXPECT_NE(text.find("  /2010/01/a/ → bild.jpg (resource)\n"), std::string::npos) << text;
  EXPECT_NE(format_report(report, site, true)
                .find("{\"page\":\"/2010/01/a/\",\"url\":\"bild.jpg\",\"resource\":true}"),
            std::string::npos);
}

}  // namespace
}  // namespace blogarchive::checks
