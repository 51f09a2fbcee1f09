#include "site/site_model.hpp"

#include <gtest/gtest.h>

#include "site/old_url_resolver.hpp"
#include "site/paths.hpp"

namespace blogarchive::site {
namespace {

blog::Post article(std::int64_t id, const char* date, const char* slug,
                   blog::Visibility status = blog::Visibility::Published) {
  blog::Post post;
  post.id = id;
  post.type = blog::ItemKind::Article;
  post.status = status;
  post.slug = slug;
  post.title = slug;
  post.date = core::parse_datetime(date);
  post.link = std::string("http://www.old.example.org/") + slug + "/";
  post.terms = {{blog::TermKind::Category, "alltag", "Alltag"}};
  return post;
}

blog::Snapshot sample() {
  blog::Snapshot snapshot;
  snapshot.site.link = "http://old.example.org";
  snapshot.posts = {article(1, "2009-05-01 10:00:00", "eins"),
                    article(2, "2010-01-05 10:00:00", "zwei"),
                    article(3, "2010-01-05 10:00:00", "drei"),
                    article(4, "2011-01-01 10:00:00", "entwurf", blog::Visibility::Draft)};
  blog::Post page;
  page.id = 10;
  page.type = blog::ItemKind::Page;
  page.status = blog::Visibility::Published;
  page.slug = "impressum";
  page.link = "http://old.example.org/impressum/";
  snapshot.posts.push_back(page);
  return snapshot;
}

SiteConfig config(int per_page) {
  SiteConfig c;
  c.base_url = "https://archiv.example.org/";
  c.per_page = per_page;
  return c;
}

}  // namespace

TEST(SiteModel, SortsArticlesNewestFirstBreakingTiesByPostId) {
  const auto snapshot = sample();
  core::Diagnostics diagnostics;
  const auto model = build_site_model(snapshot, config(2), diagnostics);
  ASSERT_EQ(model.articles.size(), 3u);
  EXPECT_EQ(model.articles[0].post->id, 3);
  EXPECT_EQ(model.articles[1].post->id, 2);
  EXPECT_EQ(model.articles[2].post->id, 1);
  EXPECT_EQ(model.articles[2].overview_page, 2);
  EXPECT_EQ(model.first_year, 2009);
  EXPECT_EQ(model.last_year, 2010);
}

TEST(SiteModel, BuildsTermAndDateListings) {
  const auto snapshot = sample();
  core::Diagnostics diagnostics;
  const auto model = build_site_model(snapshot, config(50), diagnostics);
  std::vector<std::string> paths;
  for (const auto& listing : model.listings) {
    paths.push_back(listing.base_path);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"/", "/2009/", "/2009/05/", "/2010/", "/2010/01/",
                                             "/category/alltag/"}));
  EXPECT_EQ(model.listings.back().articles.size(), 3u);
}

TEST(SiteModel, ListsAllCategoriesByNameUnderTheirParentsAndAllTagsByName) {
  auto snapshot = sample();
  snapshot.terms = {
      {blog::TermKind::Category, "werkstatt", "Werkstatt", "", "", 0},
      {blog::TermKind::Category, "hobel", "Hobel", "werkstatt", "", 0},
      {blog::TermKind::Category, "aexte", "Äxte", "werkstatt", "", 0},
      {blog::TermKind::Category, "leer", "Leer", "", "", 0},  // no public article: no listing
      {blog::TermKind::Category, "kinder", "Kinder", "leer", "", 0}};
  snapshot.posts[0].terms = {{blog::TermKind::Category, "hobel", "Hobel"},
                             {blog::TermKind::Tag, "zinken", "Zinken"},
                             {blog::TermKind::Tag, "oel", "Öl"}};
  snapshot.posts[1].terms = {{blog::TermKind::Category, "aexte", "Äxte"},
                             {blog::TermKind::Category, "werkstatt", "Werkstatt"},
                             {blog::TermKind::Category, "kinder", "Kinder"},
                             {blog::TermKind::Tag, "axt", "axt"}};
  core::Diagnostics diagnostics;
  auto settings = config(50);
  settings.language = "de";
  const auto model = build_site_model(snapshot, settings, diagnostics);
  ASSERT_EQ(model.term_indexes.size(), 2u);
  const auto listed = [&](const TermIndex& index) {
    std::vector<std::string> names;
    for (const auto& entry : index.entries) {
      names.push_back(std::string(static_cast<std::size_t>(entry.depth) * 2, ' ') +
                      model.listings[entry.listing].name);
    }
    return names;
  };
  EXPECT_EQ(model.term_indexes[0].path, kCategoryIndexPath);
  // A child whose parent lists nothing stands at the top; umlauts sort as letters.
  EXPECT_EQ(listed(model.term_indexes[0]),
            (std::vector<std::string>{"Alltag", "Kinder", "Werkstatt", "  Äxte", "  Hobel"}));
  EXPECT_EQ(model.term_indexes[1].path, kTagIndexPath);
  EXPECT_EQ(listed(model.term_indexes[1]), (std::vector<std::string>{"axt", "Öl", "Zinken"}));
}

TEST(SiteModel, LeavesTheTermListToAPageThatHasItsPath) {
  auto snapshot = sample();
  snapshot.posts[4].slug = "category";
  snapshot.posts[4].link = "http://old.example.org/category/";
  core::Diagnostics diagnostics;
  const auto model = build_site_model(snapshot, config(50), diagnostics);
  EXPECT_TRUE(model.term_indexes.empty());
  EXPECT_EQ(model.path_of_post.at(10), "/category/");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_NE(diagnostics.warnings()[0].message.find("the list of all its terms is not generated"),
            std::string::npos);
}

TEST(SiteModel, KeepsOldPermalinksAndNeverRoutesDrafts) {
  const auto snapshot = sample();
  core::Diagnostics diagnostics;
  const auto model = build_site_model(snapshot, config(50), diagnostics);
  EXPECT_EQ(model.path_of_post.at(2), "/zwei/");
  EXPECT_EQ(model.path_of_post.at(10), "/impressum/");
  EXPECT_EQ(model.path_of_post.count(4), 0u);
}

TEST(OldUrlResolver, MapsOldUrlsAndRefusesUnpublishedTargets) {
  const auto snapshot = sample();
  core::Diagnostics diagnostics;
  const auto model = build_site_model(snapshot, config(50), diagnostics);
  const OldUrlResolver resolver(model);
  EXPECT_EQ(resolver.resolve("https://old.example.org/?p=2#comments").href, "/zwei/#comments");
  EXPECT_EQ(resolver.resolve("http://www.old.example.org/zwei").href, "/zwei/");
  EXPECT_EQ(resolver.resolve("/?page_id=10").href, "/impressum/");
  EXPECT_EQ(resolver.resolve("http://old.example.org/category/alltag/").href, "/category/alltag/");
  EXPECT_EQ(resolver.resolve("http://old.example.org/?p=4").kind, OldUrlTarget::Kind::Unpublished);
  EXPECT_EQ(resolver.resolve("http://old.example.org/entwurf/").kind,
            OldUrlTarget::Kind::Unpublished);
  EXPECT_EQ(resolver.resolve("https://other.example.org/zwei/").kind, OldUrlTarget::Kind::Foreign);
  EXPECT_EQ(resolver.resolve("http://old.example.org.evil.example/zwei/").kind,
            OldUrlTarget::Kind::Foreign);
}

TEST(Paths, NormalizesAndNeverEscapesTheRoot) {
  EXPECT_EQ(normalize_path("/a/../../b"), "/a/b/");
  EXPECT_EQ(normalize_path("/2010/01/post.html"), "/2010/01/post.html");
  EXPECT_EQ(normalize_path("//x//y"), "/x/y/");
  EXPECT_FALSE(normalize_path("/../"));
  EXPECT_EQ(output_file("/x/"), "x/index.html");
  EXPECT_EQ(href("/über/"), "/%C3%BCber/");
}

}  // namespace blogarchive::site
