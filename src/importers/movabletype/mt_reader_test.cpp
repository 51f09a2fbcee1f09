// The Movable Type importer against real exports (../shared/fixtures) and the
// expectations of aereal/mt's parser tests (docs/fixture-assertions.md, section 7).
#include "importers/movabletype/mt_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "imported.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::movabletype {
namespace {

using testing::Imported;

Imported import(const std::filesystem::path& file) {
  return testing::import_with(MtImporter(), file);
}

std::vector<std::string> term_names(const blog::Post& post, blog::TermKind taxonomy) {
  std::vector<std::string> names;
  for (const auto& term : post.terms) {
    if (term.taxonomy == taxonomy) {
      names.push_back(term.name);
    }
  }
  return names;
}

}  // namespace

TEST(MtDate, ReadsTwelveAndTwentyFourHourTimes) {
  EXPECT_EQ(parse_mt_date("08/08/2007 03:00:00 PM"), (core::DateTime{2007, 8, 8, 15, 0, 0}));
  EXPECT_EQ(parse_mt_date("12/30/2004 12:14:33 AM"), (core::DateTime{2004, 12, 30, 0, 14, 33}));
  EXPECT_EQ(parse_mt_date("12/30/2004 12:14:33 PM"), (core::DateTime{2004, 12, 30, 12, 14, 33}));
  EXPECT_EQ(parse_mt_date("01/31/2002 15:47:06"), (core::DateTime{2002, 1, 31, 15, 47, 6}));
  EXPECT_EQ(parse_mt_date("13/01/2002 10:00:00"), std::nullopt);
  EXPECT_EQ(parse_mt_date("01/31/2002 15:47:06 PM"), std::nullopt);
  EXPECT_EQ(parse_mt_date("gestern"), std::nullopt);
}

TEST(MtImporter, ReadsEveryFieldOfTheAerealExample) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = import(testing::shared_fixtures_dir() / "aereal-mt" / "ok.txt");
  const auto& posts = imported.sink.posts;
  ASSERT_EQ(posts.size(), 2u);
  const blog::Post& first = posts[0];
  EXPECT_EQ(first.author_login, "Foo Bar");
  EXPECT_EQ(first.title, "A dummy title");
  EXPECT_EQ(first.slug, "filename");
  EXPECT_EQ(first.status, blog::Visibility::Published);
  EXPECT_EQ(first.date, (core::DateTime{2007, 8, 8, 15, 0, 0}));
  EXPECT_EQ(term_names(first, blog::TermKind::Category),
            (std::vector<std::string>{"News", "Product"}));
  EXPECT_EQ(term_names(first, blog::TermKind::Tag),
            (std::vector<std::string>{"Movable Type", "foo", "bar"}));
  EXPECT_EQ(first.markup, blog::Markup::Html);  // richtext: the editor wrote HTML
  EXPECT_EQ(first.content,
            "これは本文です。\n\n\n<!--more-->\n\nここに追記の本文が表示されます。\n");
  ASSERT_EQ(first.comments.size(), 2u);
  EXPECT_EQ(first.comments[0].author_name, "Foo");
  EXPECT_EQ(first.comments[0].date, (core::DateTime{2002, 1, 31, 15, 47, 6}));
  EXPECT_EQ(first.comments[0].content, "ここに\nこのコメントの本文が来ます。\n");
  EXPECT_EQ(first.comments[1].author_name, "Bar");
  EXPECT_EQ(first.comments[1].date, (core::DateTime{2002, 2, 1, 4, 2, 7}));
  EXPECT_TRUE(first.comments[1].is_approved());

  const blog::Post& second = posts[1];
  EXPECT_EQ(second.title, "2件目の記事 ");  // the trailing space is the author's
  EXPECT_EQ(second.content, "これは2番目の記事の本文です。 これは\n複数行から成ります。\n");
  EXPECT_EQ(second.excerpt, "この記事は追記がありませんが、\n概要はあります。 特殊な例です。\n");
  ASSERT_EQ(second.comments.size(), 1u);
  EXPECT_EQ(second.comments[0].author_name, "Quux");
  EXPECT_EQ(second.comments[0].author_url, "http://www.quux.com/");
  // Same basename and date, different titles: two posts with two stable ids.
  EXPECT_NE(first.id, second.id);
  EXPECT_LT(first.id, 0);
  EXPECT_EQ(import(testing::shared_fixtures_dir() / "aereal-mt" / "ok.txt").sink.posts[0].id,
            first.id);
}

TEST(MtImporter, ReadsTheFeedBurnerExportWithItsDraftsAndStrayBytes) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported =
      import(testing::shared_fixtures_dir() / "google-blog-converters" / "movabletype-sample.txt");
  const auto& posts = imported.sink.posts;
  ASSERT_EQ(posts.size(), 451u);
  const auto published = std::count_if(posts.begin(), posts.end(),
                                       [](const auto& p) { return blog::is_published(p); });
  EXPECT_EQ(published, 294);
  EXPECT_EQ(std::count_if(posts.begin(), posts.end(),
                          [](const auto& p) { return p.status == blog::Visibility::Draft; }),
            157);
  EXPECT_EQ(std::count_if(posts.begin(), posts.end(),
                          [](const auto& p) { return p.markup == blog::Markup::Paragraphs; }),
            19);
  EXPECT_EQ(posts[0].title, "Richard MacManus");
  EXPECT_EQ(posts[0].date, (core::DateTime{2004, 12, 30, 13, 14, 33}));
  EXPECT_EQ(posts[0].content.find("<!--more-->"), std::string::npos);  // its extended body is empty
  // Every id distinct, every text valid UTF-8 after the Windows-1252 repair.
  std::set<std::int64_t> ids;
  for (const auto& post : posts) {
    ids.insert(post.id);
    EXPECT_TRUE(core::is_valid_utf8(post.content)) << post.source;
  }
  EXPECT_EQ(ids.size(), posts.size());
  const auto& warnings = imported.diagnostics.warnings();
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings.front().message.find("read as Windows-1252"), std::string::npos)
      << warnings.front().message;
  EXPECT_EQ(warnings.front().location.rfind("movabletype-sample.txt:", 0), 0u);
}

TEST(MtImporter, ReadsCommentsTagsAndTheExtendedBodyOfTheJumpBoxExport) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported =
      import(testing::shared_fixtures_dir() / "google-blog-converters" / "movabletype-sample2.txt");
  ASSERT_EQ(imported.sink.posts.size(), 1u);
  const blog::Post& post = imported.sink.posts[0];
  EXPECT_EQ(post.slug, "my_first_post");
  EXPECT_EQ(term_names(post, blog::TermKind::Category),
            (std::vector<std::string>{"New", "published"}));
  EXPECT_EQ(term_names(post, blog::TermKind::Tag), (std::vector<std::string>{"first", "goodtag"}));
  EXPECT_NE(post.content.find("<!--more-->\n\nThis is the extended body"), std::string::npos);
  ASSERT_EQ(post.comments.size(), 3u);
  EXPECT_EQ(post.comments[0].content, "This is the first comment.\n");
  EXPECT_EQ(post.comments[2].author_name, "JJ");
  EXPECT_EQ(post.comments[2].author_url, "");
  EXPECT_EQ(imported.sink.authors.size(), 1u);
  EXPECT_EQ(imported.sink.terms.size(), 4u);
}

TEST(MtImporter, IsDetectedByContentAndRefusesTextWithoutEntries) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto mt =
      testing::shared_fixtures_dir() / "google-blog-converters" / "movabletype-sample2.txt";
  EXPECT_EQ(detect_importer(mt).name(), "movabletype");
  EXPECT_EQ(
      detect_importer(testing::source_dir() / "examples" / "werkstattblog.wordpress.xml").name(),
      "wordpress");
  const auto empty = testing::fresh_temp_dir("mt-empty") / "leer.txt";
  std::ofstream(empty) << "Nur ein Einkaufszettel.\n";
  EXPECT_THROW(detect_importer(empty), InputError);
  EXPECT_THROW(import(empty), InputError);
}

}  // namespace blogarchive::importers::movabletype
