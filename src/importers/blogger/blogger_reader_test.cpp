// The Blogger importer against real "Back up content" files (../shared/fixtures) and
// what pelican's and TryGhost's importer tests expect of them
// (docs/fixture-assertions.md, sections 1 and 5).
#include "importers/blogger/blogger_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "imported.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::blogger {
namespace {

using testing::Imported;

Imported import(const std::string& path) {
  return testing::import_with(BloggerImporter(), testing::shared_fixtures_dir() / path);
}

std::set<std::string> titles(const Imported& imported, blog::ItemKind type) {
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
  const auto found =
      std::find_if(posts.begin(), posts.end(), [&](const auto& p) { return p.title == title; });
  EXPECT_NE(found, posts.end()) << title;
  return *found;
}

}  // namespace

TEST(BloggerImporter, KeepsPostsPagesAndCommentsButNotSettingsOrTheTemplate) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = import("pelican/bloggerexport.xml");
  EXPECT_EQ(imported.sink.posts.size(), 4u);  // 58 settings and the template are left out
  EXPECT_EQ(titles(imported, blog::ItemKind::Page),
            (std::set<std::string>{"Test page", "Test page 2"}));
  EXPECT_EQ(titles(imported, blog::ItemKind::Article),
            (std::set<std::string>{"Black as Egypt's Night", "The Steel Windpipe"}));
  std::set<std::string> drafts;
  for (const auto& post : imported.sink.posts) {
    EXPECT_TRUE(post.status == blog::Visibility::Published ||
                post.status == blog::Visibility::Draft)
        << post.status.name();
    if (post.status == blog::Visibility::Draft) {
      drafts.insert(post.guid.substr(post.guid.rfind('.') + 1));
    }
  }
  // app:draft, with the app prefix never declared in this export.
  EXPECT_EQ(drafts,
            (std::set<std::string>{"page-4386962582497458967", "post-1276418104709695660"}));
  const blog::Post& windpipe = by_title(imported, "The Steel Windpipe");
  EXPECT_EQ(windpipe.link, "http://youngdoctornotes.blogspot.com/2010/11/the-steel-windpipe.html");
  EXPECT_EQ(windpipe.slug, "the-steel-windpipe");
  ASSERT_EQ(windpipe.comments.size(), 1u);  // a comment stays a comment, on its post
  EXPECT_NE(windpipe.comments[0].content.find("Mishka, always a pleasure to read your adventures!"),
            std::string::npos);
}

TEST(BloggerImporter, ReadsLinksDatesLabelsAndDraftsOfTheGhostSample) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = import("ghost-migrate/mg-blogger-xml/sample.xml");
  ASSERT_EQ(imported.sink.posts.size(), 3u);
  const blog::Post& rhoncus = by_title(imported, "Rhoncus Published Post");
  EXPECT_EQ(rhoncus.status, blog::Visibility::Published);
  EXPECT_EQ(rhoncus.link, "https://my-old-blog.blogspot.com/2018/09/rhoncus.html");
  EXPECT_EQ(rhoncus.slug, "rhoncus");
  EXPECT_EQ(rhoncus.date, (core::DateTime{2018, 9, 12, 9, 30, 0}));  // as written, -04:00
  EXPECT_EQ(rhoncus.date_gmt, (core::DateTime{2018, 9, 12, 13, 30, 0}));
  EXPECT_EQ(rhoncus.author_login, "My Old Blog");
  ASSERT_FALSE(rhoncus.terms.empty());
  EXPECT_EQ(rhoncus.terms[0].name, "Lorem Ipsum");
  EXPECT_EQ(rhoncus.terms[0].taxonomy, blog::TermKind::Tag);
  const blog::Post& draft = by_title(imported, "Maecenas Draft Post");
  EXPECT_EQ(draft.status, blog::Visibility::Draft);
  EXPECT_TRUE(draft.link.empty());  // a draft has no public address
  // The draft repeats the published post's <id>; both stay, with different ids.
  EXPECT_NE(draft.id, rhoncus.id);
}

TEST(BloggerImporter, AttachesCommentsAndReadsPrefixedAtom) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto sample2 = import("google-blog-converters/blogger-sample2.xml");
  EXPECT_EQ(sample2.sink.posts.size(), 4u);
  std::size_t comments = 0;
  for (const auto& post : sample2.sink.posts) {
    comments += post.comments.size();
  }
  EXPECT_EQ(comments, 3u);
  const auto prefixed = import("google-blog-converters/blogger-sample.xml");  // <ns0:feed>
  EXPECT_EQ(prefixed.sink.posts.size(), 3u);
  EXPECT_EQ(detect_importer(testing::shared_fixtures_dir() / "google-blog-converters" /
                            "blogger-sample.xml")
                .name(),
            "blogger");
  EXPECT_EQ(
      detect_importer(testing::shared_fixtures_dir() / "pelican" / "bloggerexport.xml").name(),
      "blogger");
}

}  // namespace blogarchive::importers::blogger

namespace blogarchive::importers::blogger {

TEST(BloggerImporter, ThreadsRepliesThroughTheirRelatedLink) {
  // A reply that comes before the comment it answers, as Blogger's backups order them.
  const auto file = testing::fresh_temp_dir("blogger-replies") / "backup.xml";
  std::ofstream(file) << R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<id>tag:blogger.com,1999:blog-7</id><title>Replies</title>
<entry><id>tag:blogger.com,1999:blog-7.post-100</id>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#post"/>
<title>Ein Beitrag</title><content type="html">Text</content><published>2011-05-01T10:00:00+02:00</published>
<link rel="alternate" type="text/html" href="https://x.blogspot.com/2011/05/ein-beitrag.html"/></entry>
<entry><id>tag:blogger.com,1999:blog-7.post-302</id>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#comment"/>
<content type="html">Die Antwort</content><published>2011-05-02T10:00:00+02:00</published>
<link rel="related" href="https://www.blogger.com/feeds/7/100/comments/default/301"/>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-7.post-100"/></entry>
<entry><id>tag:blogger.com,1999:blog-7.post-301</id>
<category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/blogger/2008/kind#comment"/>
<content type="html">Die Frage</content><published>2011-05-01T12:00:00+02:00</published>
<thr:in-reply-to ref="tag:blogger.com,1999:blog-7.post-100"/></entry>
</feed>)";
  const auto imported = testing::import_with(BloggerImporter(), file);
  ASSERT_EQ(imported.sink.posts.size(), 1u);
  const auto& comments = imported.sink.posts[0].comments;
  ASSERT_EQ(comments.size(), 2u);
  const auto& reply = comments[0].content == "Die Antwort" ? comments[0] : comments[1];
  const auto& question = comments[0].content == "Die Frage" ? comments[0] : comments[1];
  EXPECT_EQ(reply.parent_id, question.id);
  EXPECT_EQ(question.parent_id, 0);
}

}  // namespace blogarchive::importers::blogger
