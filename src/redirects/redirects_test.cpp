#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "redirects/redirect_formats.hpp"
#include "redirects/redirect_table.hpp"

namespace blogarchive::redirects {
namespace {

blog::Post item(std::int64_t id, const char* type, const char* slug,
                const char* status = "publish") {
  blog::Post post;
  post.id = id;
  post.type = blog::PostType::named(type);
  post.status = blog::PostStatus::named(status);
  post.slug = slug;
  post.title = slug;
  post.date = core::parse_datetime("2010-01-05 10:00:00");
  post.link = std::string("http://old.example.org/2010/01/") + slug + "/";
  return post;
}

struct Fixture {
  Fixture() {
    snapshot.site.link = "http://old.example.org";
    snapshot.site.format = "wxr 1.2";
    snapshot.authors = {{"Anna", "Anna B."}};
    snapshot.terms = {{blog::TermKind::Category, "reisen", "Reisen", "", "", 7},
                      {blog::TermKind::Tag, "über", "über", "", "", 9}};
    auto article = item(12, "post", "hobelbank");
    article.terms = {{blog::TermKind::Category, "reisen", "Reisen"},
                     {blog::TermKind::Tag, "über", "über"}};
    article.aliases = {"/alt/hobelbank.html"};
    auto draft = item(13, "post", "entwurf", "draft");
    draft.aliases = {"/geheim/"};
    auto page = item(20, "page", "impressum");
    page.link = "http://old.example.org/?page_id=20";
    auto image = item(30, "attachment", "bild", "inherit");
    image.parent_id = 12;
    image.link = "http://old.example.org/2010/01/hobelbank/bild/";
    auto orphan = item(31, "attachment", "anderes", "inherit");
    orphan.parent_id = 13;
    snapshot.posts = {article, draft, page, image, orphan};
    site::SiteConfig config;
    config.base_url = "https://archiv.example.org/";
    model = site::build_site_model(snapshot, config, diagnostics);
    table = build_redirect_table(model, true);
  }
  const Redirect* find(std::string_view path, std::string_view key = "",
                       std::string_view value = "") const {
    for (const auto& r : table.redirects) {
      if (r.from_path == path && r.query_key == key && r.query_value == value) {
        return &r;
      }
    }
    return nullptr;
  }
  std::string target(std::string_view path, std::string_view key = "",
                     std::string_view value = "") const {
    const Redirect* r = find(path, key, value);
    return r ? r->to : "(none)";
  }

  blog::Snapshot snapshot;
  core::Diagnostics diagnostics;
  site::SiteModel model;
  RedirectTable table;
};

TEST(RedirectTable, AnswersEveryWordPressFormOfAPublishedItem) {
  const Fixture f;
  EXPECT_EQ(f.target("/", "p", "12"), "/2010/01/hobelbank/");
  EXPECT_EQ(f.target("/index.php/2010/01/hobelbank/"), "/2010/01/hobelbank/");
  EXPECT_EQ(f.target("/2010/01/hobelbank/feed/"), "/2010/01/hobelbank/");
  EXPECT_EQ(f.target("/alt/hobelbank.html"), "/2010/01/hobelbank/");
  EXPECT_TRUE(f.find("/alt/hobelbank.html")->has_stub_page);
  EXPECT_EQ(f.target("/", "page_id", "20"), f.model.path_of_post.at(20));
  EXPECT_EQ(f.target("/", "p", "20"), f.model.path_of_post.at(20));
}

TEST(RedirectTable, AnswersArchivesFeedsAttachmentsAndAuthors) {
  const Fixture f;
  EXPECT_EQ(f.target("/", "cat", "7"), "/category/reisen/");
  EXPECT_EQ(f.target("/", "category_name", "reisen"), "/category/reisen/");
  EXPECT_EQ(f.target("/", "tag", "über"), "/tag/über/");
  EXPECT_EQ(f.target("/", "m", "201001"), "/2010/01/");
  EXPECT_EQ(f.target("/", "m", "2010"), "/2010/");
  EXPECT_EQ(f.target("/", "m", "20100105"), "/2010/01/");
  EXPECT_EQ(f.target("/2010/01/05/"), "/2010/01/");
  EXPECT_EQ(f.target("/feed/"), "/atom.xml");
  EXPECT_EQ(f.target("/wp-rss2.php"), "/atom.xml");
  EXPECT_EQ(f.target("/category/reisen/feed/"), "/atom.xml");
  EXPECT_EQ(f.target("/", "feed", "rss2"), "/atom.xml");
  EXPECT_EQ(f.target("/", "attachment_id", "30"), "/2010/01/hobelbank/");
  EXPECT_EQ(f.target("/2010/01/hobelbank/bild/"), "/2010/01/hobelbank/");
  EXPECT_EQ(f.target("/author/anna/"), "/");
}

TEST(RedirectTable, NeverLeadsToOrFromAnythingUnpublishedOrExisting) {
  const Fixture f;
  EXPECT_EQ(f.find("/", "p", "13"), nullptr);
  EXPECT_EQ(f.find("/geheim/"), nullptr);
  EXPECT_EQ(f.find("/", "attachment_id", "31"), nullptr);
  for (const auto& r : f.table.redirects) {
    EXPECT_NE(r.from_path, r.to);
    if (!r.is_query()) {
      EXPECT_NE(r.from_path, "/2010/01/hobelbank/") << "an existing page is never redirected";
    }
  }
}

TEST(RedirectTable, SaysWhichPathsItRedirectsWithoutAQuery) {
  const Fixture f;
  // Every path redirect is found by the binary search, no query form is.
  for (const auto& r : f.table.redirects) {
    EXPECT_EQ(f.table.redirects_path(r.from_path), !r.is_query() || f.find(r.from_path) != nullptr)
        << r.from_path << "?" << r.query_key;
  }
  EXPECT_TRUE(f.table.redirects_path("/feed/"));
  EXPECT_TRUE(f.table.redirects_path("/alt/hobelbank.html"));
  EXPECT_FALSE(f.table.redirects_path("/")) << "only query forms start at /";
  EXPECT_FALSE(f.table.redirects_path("/2010/01/hobelbank/")) << "a page, not a redirect";
  EXPECT_FALSE(f.table.redirects_path("/geheim/"));
  EXPECT_FALSE(f.table.redirects_path("/zzz-after-every-path/"));
  EXPECT_FALSE(f.table.redirects_path(""));
}

// Two threads collect the items' forms and the archives' beside each other; the table
// must not show it.
TEST(RedirectTable, IsTheSameWhetherOneOrTwoThreadsMakeIt) {
  blog::Snapshot snapshot;
  snapshot.site.link = "http://old.example.org";
  snapshot.site.format = "wxr 1.2";
  for (int i = 1; i <= 9; ++i) {
    const std::string slug = "beitrag-" + std::to_string(i);
    auto article = item(i, "post", slug.c_str());
    article.date = core::parse_datetime(fmt::format("2010-01-{:02} 10:00:00", i));
    article.aliases = {"/gemeinsam/", "/alt/" + slug + ".html"};  // the first is everyone's
    if (i == 5) {
      article.aliases.push_back("/2010/01/03/");  // also the old day archive of the 3rd
    }
    snapshot.posts.push_back(article);
  }
  site::SiteConfig config;
  config.base_url = "https://archiv.example.org/";
  core::Diagnostics diagnostics;
  const auto model = site::build_site_model(snapshot, config, diagnostics);
  const auto alone = build_redirect_table(model, true, 1);
  const auto shared = build_redirect_table(model, true, 2);
  const auto fields = [](const Redirect& r) {
    return std::tie(r.from_path, r.query_key, r.query_value, r.to, r.has_stub_page);
  };
  ASSERT_EQ(alone.redirects.size(), shared.redirects.size());
  for (std::size_t i = 0; i < alone.redirects.size(); ++i) {
    EXPECT_EQ(fields(alone.redirects[i]), fields(shared.redirects[i])) << i;
  }
  // A source several articles claim leads to the first of them, in both.
  const auto shared_alias =
      std::find_if(shared.redirects.begin(), shared.redirects.end(),
                   [](const Redirect& r) { return r.from_path == "/gemeinsam/"; });
  ASSERT_NE(shared_alias, shared.redirects.end());
  EXPECT_EQ(shared_alias->to, model.articles.front().path);
  // An item's own form is added before the archives' and wins over the day archive.
  const auto day = std::find_if(shared.redirects.begin(), shared.redirects.end(),
                                [](const Redirect& r) { return r.from_path == "/2010/01/03/"; });
  ASSERT_NE(day, shared.redirects.end());
  EXPECT_EQ(day->to, "/2010/01/beitrag-5/");
  EXPECT_TRUE(shared.redirects_path("/alt/beitrag-9.html"));
  EXPECT_TRUE(shared.redirects_path("/alt/beitrag-1.html"));
}

TEST(RedirectFormats, EveryFormatWritesQueryFormsBeforeThePathRuleThatWouldShadowThem) {
  const Fixture f;
  const std::string netlify = netlify_redirects(f.table);
  EXPECT_LT(netlify.find("/index.php  p=12  /2010/01/hobelbank/  301"),
            netlify.find("/index.php  /  301"));
  EXPECT_NE(netlify.find("/  tag=%C3%BCber  /tag/%C3%BCber/  301"), std::string::npos);
  EXPECT_NE(netlify.find("/  s=:s  /search/?q=:s  301"), std::string::npos);
  const std::string htaccess = apache_htaccess(f.table);
  EXPECT_NE(htaccess.find("RewriteCond %{QUERY_STRING} (?:^|&)p=12(?:&|$)\n"
                          "RewriteRule ^(?:index\\.php)?$ /2010/01/hobelbank/ [R=301,L,NE,QSD]"),
            std::string::npos);
  EXPECT_NE(
      htaccess.find("RewriteRule ^alt/hobelbank\\.html$ /2010/01/hobelbank/ [R=301,L,NE,QSD]"),
      std::string::npos);
  const auto nginx = nginx_config(f.table);
  EXPECT_NE(nginx.http.find("\"1|12\" \"/2010/01/hobelbank/\";"), std::string::npos);
  EXPECT_NE(nginx.http.find("\"/index.php/2010/01/hobelbank\" \"/2010/01/hobelbank/\";"),
            std::string::npos);
  EXPECT_NE(nginx.server.find("return 301 $blogarchive_redirect;"), std::string::npos);
}

TEST(RedirectMatcher, AnswersAsTheNetlifyFileSays) {
  const Fixture f;
  const RedirectMatcher matcher(netlify_redirects(f.table));
  EXPECT_EQ(matcher.location_for("/?p=12"), "/2010/01/hobelbank/");
  EXPECT_EQ(matcher.location_for("/index.php?utm=x&p=12"), "/2010/01/hobelbank/");
  EXPECT_EQ(matcher.location_for("/index.php"), "/");
  EXPECT_EQ(matcher.location_for("/index.php/2010/01/hobelbank"), "/2010/01/hobelbank/");
  EXPECT_EQ(matcher.location_for("/?tag=%C3%BCber"), "/tag/%C3%BCber/");
  EXPECT_EQ(matcher.location_for("/?s=Hobel%20bank"), "/search/?q=Hobel%20bank");
  EXPECT_EQ(matcher.location_for("/?p=13"), std::nullopt);
  EXPECT_EQ(matcher.location_for("/?p=999"), std::nullopt);
  EXPECT_EQ(matcher.location_for("/2010/01/hobelbank/"), std::nullopt);
  EXPECT_EQ(matcher.location_for("/index.php?p=999"), std::nullopt)
      << "not the overview: it never existed";
}

TEST(RedirectMatcher, OtherValuesOfTheOldQueryKeysWereNeverPublished) {
  const Fixture f;
  const RedirectMatcher matcher(netlify_redirects(f.table));
  EXPECT_TRUE(matcher.never_published("/?p=999"));
  EXPECT_TRUE(matcher.never_published("/index.php?utm=x&p=13"));
  EXPECT_TRUE(matcher.never_published("/?tag=gibt-es-nicht"));
  EXPECT_FALSE(matcher.never_published("/?p=12"));
  EXPECT_FALSE(matcher.never_published("/?p="));
  EXPECT_FALSE(matcher.never_published("/"));
  EXPECT_FALSE(matcher.never_published("/?utm_source=x"));
  EXPECT_FALSE(matcher.never_published("/?s=Hobel"));
  EXPECT_FALSE(matcher.never_published("/2010/01/hobelbank/?p=999"));
}

TEST(RedirectPage, SendsBrowsersOnAndNamesTheCanonicalPage) {
  const std::string page =
      redirect_page("/a/?x=1&y=2", "https://archiv.example.org/a/?x=1&y=2", "de");
  EXPECT_NE(page.find("<meta http-equiv=\"refresh\" content=\"0; url=/a/?x=1&amp;y=2\">"),
            std::string::npos);
  EXPECT_NE(page.find("<a href=\"/a/?x=1&amp;y=2\">"), std::string::npos);
  EXPECT_NE(
      page.find("<link rel=\"canonical\" href=\"https://archiv.example.org/a/?x=1&amp;y=2\">"),
      std::string::npos);
  EXPECT_NE(page.find("<html lang=\"de\">"), std::string::npos);
}

}  // namespace
}  // namespace blogarchive::redirects
