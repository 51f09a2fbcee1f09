// The Blogger importer against real "Back up content" files (../shared/fixtures) and
// what pelican's and TryGhost's importer tests expect of them
// (docs/fixture-assertions.md, sections 1 and 5).
#include "importers/blogger/blogger_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "imported.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::blogger {
namespace {

using testing::Imported;

Imported import(const std::string& path) {
  return testing::import_with(BloggerImporter(), testing::shared_fixtures_dir() / path);
}

std::set<std::string> titles(const Imported& imported, const std::string& type) {
  std::set<std::string> found;
  for (const auto& post : imported.sink.posts) {
    if (post.type == type) {
      found.insert(post.title);
    }
  }
  return found;
}

const blog::Post& by_title(const Imported& imported, const std::string& title) {
  const auto& posts = imported.sink.posts;
  const auto found = std::find_if(posts.begin(), posts.end(), [&](const auto& p) { return p.title == title; });
  EXPECT_NE(found, posts.end()) << title;
  return *found;
}

}  // namespace

TEST(BloggerImporter, KeepsPostsPagesAndCommentsButNotSettingsOrTheTemplate) {
  const auto imported = import("pelican/bloggerexport.xml");
  EXPECT_EQ(imported.sink.posts.size(), 4u);  // 58 settings and the template are left out
  EXPECT_EQ(titles(imported, "page"), (std::set<std::string>{"Test page", "Test page 2"}));
  EXPECT_EQ(titles(imported, "post"), (std::set<std::string>{"Black as Egypt's Night", "The Steel Windpipe"}));
  std::set<std::string> drafts;
  for (const auto& post : imported.sink.posts) {
    EXPECT_TRUE(post.status == "publish" || post.status == "draft") << post.status;
    if (post.status == "draft") {
      drafts.insert(post.guid.substr(post.guid.rfind('.') + 1));
    }
  }
  // app:draft, with the app prefix never declared in this export.
  EXPECT_EQ(drafts, (std::set<std::string>{"page-4386962582497458967", "post-1276418104709695660"}));
  const blog::Post& windpipe = by_title(imported, "The Steel Windpipe");
  EXPECT_EQ(windpipe.link, "http://youngdoctornotes.blogspot.com/2010/11/the-steel-windpipe.html");
  EXPECT_EQ(windpipe.slug, "the-steel-windpipe");
  ASSERT_EQ(windpipe.comments.size(), 1u);  // a comment stays a comment, on its post
  EXPECT_NE(windpipe.comments[0].content.find("Mishka, always a pleasure to read your adventures!"), std::string::npos);
}

TEST(BloggerImporter, ReadsLinksDatesLabelsAndDraftsOfTheGhostSample) {
  const auto imported = import("ghost-migrate/mg-blogger-xml/sample.xml");
  ASSERT_EQ(imported.sink.posts.size(), 3u);
  const blog::Post& rhoncus = by_title(imported, "Rhoncus Published Post");
  EXPECT_EQ(rhoncus.status, "publish");
  EXPECT_EQ(rhoncus.link, "https://my-old-blog.blogspot.com/2018/09/rhoncus.html");
  EXPECT_EQ(rhoncus.slug, "rhoncus");
  EXPECT_EQ(rhoncus.date, (core::DateTime{2018, 9, 12, 9, 30, 0}));      // as written, -04:00
  EXPECT_EQ(rhoncus.date_gmt, (core::DateTime{2018, 9, 12, 13, 30, 0}));
  EXPECT_EQ(rhoncus.author_login, "My Old Blog");
  ASSERT_FALSE(rhoncus.terms.empty());
  EXPECT_EQ(rhoncus.terms[0].name, "Lorem Ipsum");
  EXPECT_EQ(rhoncus.terms[0].taxonomy, "post_tag");
  const blog::Post& draft = by_title(imported, "Maecenas Draft Post");
  EXPECT_EQ(draft.status, "draft");
  EXPECT_TRUE(draft.link.empty());  // a draft has no public address
  // The draft repeats the published post's <id>; both stay, with different ids.
  EXPECT_NE(draft.id, rhoncus.id);
}

TEST(BloggerImporter, AttachesCommentsAndReadsPrefixedAtom) {
  const auto sample2 = import("google-blog-converters/blogger-sample2.xml");
  EXPECT_EQ(sample2.sink.posts.size(), 4u);
  std::size_t comments = 0;
  for (const auto& post : sample2.sink.posts) {
    comments += post.comments.size();
  }
  EXPECT_EQ(comments, 3u);
  const auto prefixed = import("google-blog-converters/blogger-sample.xml");  // <ns0:feed>
  EXPECT_EQ(prefixed.sink.posts.size(), 3u);
  EXPECT_EQ(detect_importer(testing::shared_fixtures_dir() / "google-blog-converters" / "blogger-sample.xml").name(),
            "blogger");
  EXPECT_EQ(detect_importer(testing::shared_fixtures_dir() / "pelican" / "bloggerexport.xml").name(), "blogger");
}

}  // namespace blogarchive::importers::blogger
