// What the build does with a link in a body to the old blog's address: the archive's
// own pages and files, and the old URL forms its redirects answer, stay in the archive;
// anything else goes to the old site.
#include <gtest/gtest.h>

#include "pipeline/content_rendering.hpp"

namespace blogarchive::pipeline {
namespace {

struct Archive {
  Archive() {
    snapshot.site.link = "http://old.example.org";
    snapshot.site.format = "wxr 1.2";
    blog::Post article;
    article.id = 12;
    article.type = blog::PostType::named("post");
    article.status = blog::PostStatus::named("publish");
    article.slug = "hobelbank";
    article.title = "Die Hobelbank";
    article.date = core::parse_datetime("2010-01-05 10:00:00");
    article.link = "http://old.example.org/2010/01/hobelbank/";
    article.aliases = {"/alt/hobelbank.html"};
    snapshot.posts = {article};
    site::SiteConfig config;
    config.base_url = "https://archiv.example.org/";
    model = site::build_site_model(snapshot, config, diagnostics);
    redirects = redirects::build_redirect_table(model, true);
    inputs.emplace(model, redirects, ContentInputs::Settings{});
  }
  content::LinkDecision resolve(std::string_view url) const {
    return inputs->resolver.resolve(url);
  }

  blog::Snapshot snapshot;
  core::Diagnostics diagnostics;
  site::SiteModel model;
  redirects::RedirectTable redirects;
  std::optional<ContentInputs> inputs;
};

TEST(SiteLinkResolver, KeepsLinksToOldUrlFormsTheRedirectsAnswer) {
  const Archive archive;
  ASSERT_TRUE(archive.redirects.redirects_path("/wp-rss2.php"));
  for (const char* url :
       {"/wp-rss2.php", "http://old.example.org/feed/", "/feed", "/robots.txt", "/sitemap.xml"}) {
    EXPECT_EQ(archive.resolve(url).action, content::LinkDecision::Action::Keep) << url;
  }
}

TEST(SiteLinkResolver, SendsWhatTheArchiveCannotAnswerToTheOldSite) {
  const Archive archive;
  const auto relative = archive.resolve("/nie-gewesen/");
  EXPECT_EQ(relative.action, content::LinkDecision::Action::Rewrite);
  EXPECT_EQ(relative.url, "http://old.example.org/nie-gewesen/");
  EXPECT_EQ(relative.origin, content::LinkDecision::Origin::OldSite);
  const auto absolute = archive.resolve("http://old.example.org/wp-login.php");
  EXPECT_EQ(absolute.origin, content::LinkDecision::Origin::OldSite);
  EXPECT_EQ(archive.resolve("https://example.com/feed/").action,
            content::LinkDecision::Action::Keep)
      << "another site's link is not ours to change";
}

TEST(SiteLinkResolver, LeadsTheOldPermalinkAndAliasesToTheArticle) {
  const Archive archive;
  const auto decision = archive.resolve("http://old.example.org/2010/01/hobelbank/#kommentare");
  EXPECT_EQ(decision.action, content::LinkDecision::Action::Rewrite);
  EXPECT_EQ(decision.url, archive.model.path_of_post.at(12) + "#kommentare");
  // An alias has a redirect too, but the link goes straight to the article.
  EXPECT_EQ(archive.resolve("/alt/hobelbank.html").url, archive.model.path_of_post.at(12));
}

}  // namespace
}  // namespace blogarchive::pipeline
