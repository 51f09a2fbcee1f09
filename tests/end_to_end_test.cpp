// The whole path: export → import → build, checked over the generated files.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

struct BuiltSite {
  std::filesystem::path dir;
  std::map<std::string, std::string> files;
};

BuiltSite build_sample(const std::string& name) {
  const auto dir = fresh_temp_dir(name);
  const auto sample = source_dir() / "examples";
  // With its uploads, as the README's first command imports it.
  const auto imported =
      run_cli({"import", (sample / "werkstattblog.wordpress.xml").string(), "--store",
               (dir / "blog.db").string(), "--uploads", (sample / "uploads").string()});
  EXPECT_EQ(imported.exit_code, 0) << imported.output;
  const auto built =
      run_cli({"build", "--store", (dir / "blog.db").string(), "--config",
               (sample / "archive.toml").string(), "--out", (dir / "site").string()});
  EXPECT_EQ(built.exit_code, 0) << built.output;
  return {dir, read_tree(dir / "site")};
}

const BuiltSite& sample_site() {
  static const BuiltSite site = build_sample("sample");
  return site;
}

const std::string& file(const std::string& path) {
  static const std::string missing;
  const auto found = sample_site().files.find(path);
  EXPECT_NE(found, sample_site().files.end()) << path;
  return found == sample_site().files.end() ? missing : found->second;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(SampleArchive, PublishesNothingPrivate) {
  const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  const std::regex ip(R"(\b198\.51\.100\.\d+\b)");
  ASSERT_GT(sample_site().files.size(), 40u);
  for (const auto& [path, text] : sample_site().files) {
    for (const char* secret :
         {"NICHT-VEROEFFENTLICHEN", "Geheimer Entwurf", "Privates Tagebuch", "Nur mit Passwort",
          "geheimer-entwurf", "Noch nicht freigeschaltet", "spam.example", "billig-uhren"}) {
      EXPECT_FALSE(contains(text, secret)) << path << " contains " << secret;
    }
    EXPECT_FALSE(std::regex_search(text, email)) << path << " contains an e-mail address";
    EXPECT_FALSE(std::regex_search(text, ip)) << path << " contains an IP address";
  }
}

TEST(SampleArchive, ArticleShowsTitleLocalDateNoticeAndNavigation) {
  const std::string& html = file("2010/01/rueckblick-auf-vier-jahre/index.html");
  EXPECT_TRUE(contains(html, "<html lang=\"de\">"));
  EXPECT_TRUE(contains(html, "<h1>Rückblick auf vier Jahre</h1>"));
  EXPECT_TRUE(contains(html, ">05.01.2010</time>"));
  EXPECT_TRUE(contains(html, "Archiv eines Blogs, das vor langer Zeit geschlossen wurde"));
  EXPECT_TRUE(contains(html, "<a href=\"https://www.example.org/\">www.example.org</a>"));
  EXPECT_TRUE(contains(html, "<a rel=\"next\" href=\"/2010/04/eine-truhe-aus-eiche/\">"));
  EXPECT_TRUE(contains(html, "<a rel=\"prev\" href=\"/2009/07/sommer-in-der-werkstatt/\">"));
  EXPECT_TRUE(contains(html, "<meta property=\"og:type\" content=\"article\">"));
  EXPECT_TRUE(contains(html, "\"@type\":\"BlogPosting\""));
  EXPECT_TRUE(contains(html,
                       "<link rel=\"canonical\" "
                       "href=\"http://127.0.0.1:8080/2010/01/rueckblick-auf-vier-jahre/\">"));
  EXPECT_TRUE(contains(html, "href=\"/datenschutzerklaerung/\""));
  EXPECT_TRUE(contains(html, "type=\"application/atom+xml\""));
  // The link to an old permalink with www was rewritten to the archive route.
  EXPECT_TRUE(contains(html, "<a href=\"/2007/03/hobelbank-fertig/\">die Hobelbank-Runde</a>"));
}

TEST(SampleArchive, NewestAndOldestArticlesHaveOneNeighbourEach) {
  const std::string& newest = file("2011/11/das-blog-schliesst/index.html");
  EXPECT_FALSE(contains(newest, "rel=\"next\""));
  EXPECT_TRUE(contains(newest, "rel=\"prev\""));
  const std::string& oldest = file("2006/03/erste-schritte-in-der-werkstatt/index.html");
  EXPECT_TRUE(contains(oldest, "rel=\"next\""));
  EXPECT_FALSE(contains(oldest, "rel=\"prev\""));
  // per_page = 10: the oldest of 15 articles is listed on overview page 2.
  EXPECT_TRUE(contains(oldest, "<a href=\"/page/2/\"><span class=\"label\">Übersicht</span></a>"));
  // The neighbour is named, not only pointed at.
  EXPECT_TRUE(contains(oldest,
                       "<a rel=\"next\" href=\"/2006/06/der-richtige-leim/\"><span "
                       "class=\"label\">« neuerer Artikel</span> "
                       "<span class=\"title\">Der richtige Leim</span></a>"));
}

TEST(SampleArchive, ThreadsApprovedCommentsOnly) {
  const std::string& html = file("2007/03/hobelbank-fertig/index.html");
  EXPECT_TRUE(contains(html, "3 Kommentare"));
  const auto outer = html.find("id=\"comment-5\"");
  const auto reply = html.find("id=\"comment-6\"");
  const auto nested = html.find("id=\"comment-7\"");
  ASSERT_NE(outer, std::string::npos);
  ASSERT_NE(reply, std::string::npos);
  ASSERT_NE(nested, std::string::npos);
  EXPECT_LT(outer, reply);
  EXPECT_LT(reply, nested);
  EXPECT_TRUE(contains(html.substr(outer, nested - outer), "<ol class=\"replies\">"));
  EXPECT_FALSE(contains(html, "comment-8"));
  EXPECT_TRUE(contains(html, "<figure class=\"wp-caption aligncenter\">"));
  EXPECT_TRUE(contains(html, "<figcaption>Die Hobelbank nach der Restaurierung</figcaption>"));
  EXPECT_TRUE(
      contains(html, "<a href=\"/2006/03/erste-schritte-in-der-werkstatt/\">ersten Artikel</a>"));
}

TEST(SampleArchive, MarksTheAuthorsOwnRepliesButNotAVisitorOfTheSameName) {
  const std::string& html = file("2007/03/hobelbank-fertig/index.html");
  // Jonas wrote the post; his reply came from his account (wp:comment_user_id 1).
  EXPECT_TRUE(contains(
      html,
      "<li class=\"comment by-post-author\" id=\"comment-6\">\n<p class=\"comment-meta\">Jonas "
      "<span class=\"author-badge\">Autor</span>"))
      << html;
  EXPECT_TRUE(contains(html, "<li class=\"comment\" id=\"comment-5\">"));
  EXPECT_TRUE(contains(html, "<li class=\"comment\" id=\"comment-7\">"));
}

TEST(SampleArchive, OverviewIsPaginatedAndSaysWhenTheBlogRan) {
  const std::string& home = file("index.html");
  EXPECT_TRUE(contains(home, "Artikelübersicht"));
  EXPECT_TRUE(contains(home, "von 2006 bis 2011"));
  EXPECT_TRUE(contains(home, "<meta property=\"og:type\" content=\"website\">"));
  EXPECT_TRUE(contains(home, "rel=\"next\" href=\"/page/2/\""));
  EXPECT_TRUE(contains(file("page/2/index.html"), "rel=\"prev\" href=\"/\""));
  // The first article's teaser ends at <!--more-->.
  EXPECT_TRUE(contains(file("page/2/index.html"), "Dieses Blog soll festhalten"));
  EXPECT_FALSE(contains(file("page/2/index.html"), "neuer Keil für die Vorderzange"));
}

TEST(SampleArchive, OverviewShowsTheYearsAndMonthsAtAGlanceAndNumbersItsPages) {
  const std::string& home = file("index.html");
  // Newest year first, with its article count, its months in calendar order with theirs.
  const auto y2011 = home.find("<a href=\"/2011/\">2011</a> <span class=\"count\">(2)</span>");
  const auto y2006 = home.find("<a href=\"/2006/\">2006</a> <span class=\"count\">(3)</span>");
  ASSERT_NE(y2011, std::string::npos);
  ASSERT_NE(y2006, std::string::npos);
  EXPECT_LT(y2011, y2006);
  const auto march = home.find(
      "<a href=\"/2011/03/\" title=\"März 2011\">Mär</a> <span class=\"count\">(1)</span>");
  const auto november = home.find("<a href=\"/2011/11/\" title=\"November 2011\">Nov</a>");
  ASSERT_NE(march, std::string::npos);
  EXPECT_LT(march, november);
  EXPECT_LT(november, y2006);
  // Only the overview's first page has the index.
  EXPECT_FALSE(contains(file("page/2/index.html"), "archive-index"));
  EXPECT_FALSE(contains(file("2010/index.html"), "archive-index"));
  // Numbered pages, the current one marked.
  EXPECT_TRUE(contains(home, "<li><span aria-current=\"page\">1</span></li>"));
  EXPECT_TRUE(contains(home, "<li><a href=\"/page/2/\">2</a></li>"));
  EXPECT_TRUE(contains(file("page/2/index.html"), "<li><a href=\"/\">1</a></li>"));
}

// Eight overview pages: the first and last, two either side of the current one, and a
// gap where pages are left out.
TEST(SampleArchive, PaginationShowsTheFirstLastAndNearbyPages) {
  const auto dir = fresh_temp_dir("pagination");
  const auto built = import_and_build(
      dir, {source_dir() / "examples" / "werkstattblog.wordpress.xml"},
      "language = \"de\"\nbase_url = \"https://archiv.example.org/\"\nper_page = 2\n");
  ASSERT_EQ(built.build.exit_code, 0) << built.build.output;
  const auto numbers = [&](const std::string& path) {
    const std::string& html = built.files.at(path);
    const auto begin = html.find("<nav class=\"pagination\"");
    std::string shown;
    for (auto at = html.find("<li>", begin);
         at != std::string::npos && at < html.find("</nav>", begin);
         at = html.find("<li>", at + 1)) {
      const auto end = html.find("</li>", at);
      const std::string item = html.substr(at, end - at);
      if (item.find("class=\"gap\"") != std::string::npos) {
        shown += "… ";
      } else if (item.find("rel=") == std::string::npos) {
        const auto close = item.rfind("</");
        shown += item.substr(item.rfind('>', close) + 1, close - item.rfind('>', close) - 1) + " ";
      }
    }
    return shown;
  };
  EXPECT_EQ(numbers("index.html"), "1 2 3 … 8 ");
  EXPECT_EQ(numbers("page/4/index.html"), "1 2 3 4 5 6 … 8 ");
  EXPECT_EQ(numbers("page/6/index.html"), "1 … 4 5 6 7 8 ");
  EXPECT_TRUE(contains(built.files.at("page/6/index.html"),
                       "<li><span aria-current=\"page\">6</span></li>"));
}

TEST(SampleArchive, HasAFaviconAndASearchBoxOnThe404PageAndNoNoticeOnThePrivacyPage) {
  const std::string& icon = file("favicon.svg");
  EXPECT_TRUE(contains(icon, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(contains(icon, ">W</text>"));  // Werkstattblog's initial
  // (The sample's pages link its own site icon instead: below.)
  EXPECT_TRUE(contains(file("404.html"),
                       "<form class=\"search-form\" role=\"search\" action=\"/search/\""));
  EXPECT_TRUE(contains(file("index.html"), "id=\"cookie-notice\""));
  EXPECT_FALSE(contains(file("datenschutzerklaerung/index.html"), "id=\"cookie-notice\""));
}

TEST(SampleArchive, GalleryKeepsItsColumnsAndCaptionsAndLoadsLaterImagesLazily) {
  const std::string& html = file("2010/04/eine-truhe-aus-eiche/index.html");
  EXPECT_TRUE(contains(html, "<ul class=\"gallery columns-2\">"));
  // The attachment's caption (its excerpt in the export), under its image, in menu order.
  const auto first =
      html.find("<figcaption>Vier Eichenbretter, zwei Jahre luftgetrocknet.</figcaption>");
  const auto last = html.find("<figcaption>Fertig, mit Schloss und kleinen Füßen.</figcaption>");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(first, last);
  // Each image with its size (no shift while it loads) and WordPress's smaller copy,
  // sized for its cell of two columns (which the 3:2 picture covers); the first at
  // once, the later ones when scrolled near.
  EXPECT_TRUE(contains(
      html,
      "<img src=\"/wp-content/uploads/2010/04/truhe-bretter.jpg\" alt=\"Die Bretter\" "
      "width=\"600\" "
      "height=\"400\" srcset=\"/wp-content/uploads/2010/04/truhe-bretter-300x200.jpg 300w, "
      "/wp-content/uploads/2010/04/truhe-bretter.jpg 600w\" sizes=\"(max-width: 30rem) 75vw, "
      "474px\"></a>"))
      << html;
  EXPECT_TRUE(contains(html,
                       "<img src=\"/wp-content/uploads/2010/04/truhe-fertig.jpg\" alt=\"Die "
                       "fertige Truhe\" width=\"600\""));
  EXPECT_TRUE(contains(
      html, "sizes=\"(max-width: 30rem) 75vw, 474px\" loading=\"lazy\" decoding=\"async\">"));
  EXPECT_TRUE(contains(file("wp-content/uploads/2010/04/truhe-fertig-300x200.jpg"), "JFIF"));
}

TEST(SampleArchive, ImagesKeepTheirWrittenSizeAndGetTheSmallerCopiesOfTheSameProportions) {
  const std::string& html = file("2008/10/ein-regal-fuer-die-kueche/index.html");
  // WordPress's medium size, as inserted: its written size stays, the original joins the srcset.
  EXPECT_TRUE(contains(html,
                       "src=\"/wp-content/uploads/2008/10/regal-skizze-300x200.jpg\" alt=\"Skizze "
                       "des Regals mit drei "
                       "Böden\" width=\"300\" height=\"200\" "
                       "srcset=\"/wp-content/uploads/2008/10/regal-skizze-300x200.jpg "
                       "300w, /wp-content/uploads/2008/10/regal-skizze.jpg 600w\" "
                       "sizes=\"(max-width: 300px) 100vw, 300px\""))
      << html;
  // The square thumbnail crop has other proportions than the picture: no srcset.
  EXPECT_TRUE(contains(
      html,
      "src=\"/wp-content/uploads/2008/10/gratleiste-150x150.jpg\" alt=\"Gratleiste im Schnitt\" "
      "width=\"150\" height=\"150\" loading=\"lazy\""));
  // Only the medium size is used, as WordPress inserts it: the original and its larger
  // copy come with it for sharp screens; the square crop brings nothing with it.
  EXPECT_TRUE(contains(file("2007/03/hobelbank-fertig/index.html"),
                       "<img src=\"/wp-content/uploads/2007/03/hobelbank-300x200.jpg\" alt=\"Die "
                       "restaurierte Hobelbank\" "
                       "width=\"300\" height=\"200\" "
                       "srcset=\"/wp-content/uploads/2007/03/hobelbank-150x100.jpg 150w, "
                       "/wp-content/uploads/2007/03/hobelbank-300x200.jpg 300w, "
                       "/wp-content/uploads/2007/03/hobelbank-768x512.jpg "
                       "768w, /wp-content/uploads/2007/03/hobelbank.jpg 1200w\" "
                       "sizes=\"(max-width: 300px) 100vw, 300px\""));
  EXPECT_TRUE(contains(file("wp-content/uploads/2007/03/hobelbank.jpg"), "JFIF"));
  EXPECT_EQ(sample_site().files.count("wp-content/uploads/2008/10/gratleiste.jpg"), 0u);
}

TEST(SampleArchive, HasArchivesPagesFeedSitemapRobotsAnd404) {
  EXPECT_TRUE(contains(file("category/werkstatt/index.html"), "Kategorie: Werkstatt"));
  EXPECT_TRUE(contains(file("tag/holz/index.html"), "Schlagwort: Holz"));
  EXPECT_TRUE(contains(file("2010/index.html"), "Artikel aus dem Jahr 2010"));
  EXPECT_TRUE(contains(file("2010/01/index.html"), "Januar 2010"));
  EXPECT_TRUE(
      contains(file("ueber/werkzeugliste/index.html"), "<a href=\"/ueber/\">Über dieses Blog</a>"));
  EXPECT_TRUE(contains(file("datenschutzerklaerung/index.html"), "keine Cookies"));
  const std::string& feed = file("atom.xml");
  EXPECT_TRUE(contains(feed, "<id>http://werkstatt-blog.example.de/?p=115</id>"));
  EXPECT_TRUE(contains(file("sitemap.xml"),
                       "<loc>http://127.0.0.1:8080/2010/01/rueckblick-auf-vier-jahre/</loc>"));
  EXPECT_TRUE(contains(file("robots.txt"), "Sitemap: http://127.0.0.1:8080/sitemap.xml"));
  EXPECT_TRUE(contains(file("404.html"), "Seite nicht gefunden"));
  EXPECT_TRUE(contains(file("assets/cookie-notice.js"), "localStorage"));
}

TEST(SampleArchive, ListsAllCategoriesAndAllTagsWithTheirCounts) {
  EXPECT_TRUE(
      contains(file("category/index.html"),
               "<li class=\"depth-0\"><a href=\"/category/werkstatt/\">Werkstatt</a> <span "
               "class=\"count\">(5)"
               "</span></li>\n<li class=\"depth-0\"><a href=\"/category/werkzeug/\">Werkzeug</a>"));
  EXPECT_TRUE(contains(file("tag/index.html"), "<h1>Alle Schlagwörter</h1>"));
  EXPECT_TRUE(contains(file("tag/index.html"), "<a href=\"/tag/hobelbank/\">Hobelbank</a>"));
  // The overview links both; a category's listing its own kind.
  EXPECT_TRUE(contains(file("index.html"),
                       "<p class=\"term-indexes\"><a href=\"/category/\">Alle Kategorien</a> <span "
                       "class=\"count\">(4)</span> · <a href=\"/tag/\">Alle Schlagwörter</a>"));
  EXPECT_TRUE(contains(file("category/werkstatt/index.html"),
                       "<a href=\"/category/\">Alle Kategorien</a>"));
  EXPECT_FALSE(contains(file("category/werkstatt/index.html"), "<a href=\"/tag/\">"));
  EXPECT_TRUE(contains(file("sitemap.xml"), "<loc>http://127.0.0.1:8080/tag/</loc>"));
}

TEST(SampleArchive, ShowsTheBlogsOwnSiteIconInItsSizes) {
  // The sizes WordPress's wp_site_icon() links, from the crop the export names.
  const std::string& html = file("index.html");
  EXPECT_TRUE(contains(
      html,
      "<link rel=\"icon\" href=\"/wp-content/uploads/2011/11/cropped-werkstatt-icon-32x32.png\" "
      "sizes=\"32x32\">\n<link rel=\"icon\" href=\"/wp-content/uploads/2011/11/cropped-werkstatt-"
      "icon-192x192.png\" sizes=\"192x192\">\n<link rel=\"apple-touch-icon\" href=\"/wp-content/"
      "uploads/2011/11/cropped-werkstatt-icon-180x180.png\" sizes=\"180x180\">"))
      << html.substr(0, 1200);
  EXPECT_FALSE(contains(html, "favicon.svg"));
  EXPECT_EQ(file("wp-content/uploads/2011/11/cropped-werkstatt-icon-32x32.png"),
            read_file(source_dir() / "examples/uploads/2011/11/cropped-werkstatt-icon-32x32.png"));
  // Only the linked sizes are published: neither the 270-pixel size nor the original.
  for (const char* unlinked :
       {"cropped-werkstatt-icon-270x270.png", "cropped-werkstatt-icon.png"}) {
    EXPECT_EQ(sample_site().files.count(std::string("wp-content/uploads/2011/11/") + unlinked), 0u)
        << unlinked;
  }
}

TEST(SampleArchive, IsByteIdenticalWhenBuiltAgain) {
  const BuiltSite again = build_sample("sample-again");
  EXPECT_EQ(again.files, sample_site().files);
}

// Every well-formed WordPress export among the shared fixtures imports and builds, and
// no unpublished text or e-mail address of them reaches the output.
TEST(SharedFixtures, EveryWellFormedWordPressExportBuildsWithoutLeaks) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto dir = fresh_temp_dir("fixtures");
  std::ofstream(dir / "archive.toml")
      << "base_url = \"https://archiv.example.org/\"\nlanguage = \"en\"\n";
  const char* exports[] = {"wordpress-theme-unit-test/themeunittestdata.wordpress.xml",
                           "wordpress-theme-test-data/64-block-test-data.xml",
                           "wordpress-importer/small-export.xml",
                           "pelican/wordpressexport.xml",
                           "hexo-migrator-wordpress/wordpress.xml",
                           "google-blog-converters/wordpress-sample2.wxr",
                           "wordpress-importer/wxr-utf-8-challenges.xml"};
  const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]{2,})");
  int index = 0;
  for (const char* name : exports) {
    const auto store = dir / (std::to_string(index) + ".db");
    const auto site = dir / ("site" + std::to_string(index++));
    const auto imported =
        run_cli({"import", (shared_fixtures_dir() / name).string(), "--store", store.string()});
    ASSERT_EQ(imported.exit_code, 0) << name << "\n" << imported.output;
    const auto built = run_cli({"build", "--store", store.string(), "--config",
                                (dir / "archive.toml").string(), "--out", site.string()});
    ASSERT_EQ(built.exit_code, 0) << name << "\n" << built.output;
    for (const auto& [path, text] : read_tree(site)) {
      std::smatch match;
      EXPECT_FALSE(std::regex_search(text, match, email))
          << name << ": " << path << " has " << match.str();
      EXPECT_FALSE(contains(text, "Template: Password Protected")) << name << ": " << path;
      EXPECT_FALSE(contains(text, "Scheduled")) << name << ": " << path;
      EXPECT_FALSE(contains(text, "Private Post")) << name << ": " << path;
      EXPECT_FALSE(contains(text, "Draft Page")) << name << ": " << path;
      EXPECT_FALSE(contains(text, "celebrex")) << name << ": " << path;  // hexo's trashed spam
    }
  }
}

}  // namespace blogarchive::testing
