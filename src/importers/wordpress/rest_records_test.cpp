#include "importers/wordpress/rest_records.hpp"

#include <gtest/gtest.h>

#include "blogarchive/error.hpp"

namespace blogarchive::importers {
namespace {

// Answers shaped like WordPress 6.1's, cut down to the fields the reader uses.
RestAnswers werkbank() {
  RestAnswers answers;
  answers.index =
      R"({"name": "Werkbank &amp; Garten", "description": "Holz", "url": "https://werkbank.example",
                      "home": "https://werkbank.example", "namespaces": ["oembed/1.0", "wp/v2"],
                      "site_icon": 40,
                      "site_icon_url": "https://werkbank.example/wp-content/uploads/2021/03/cropped-logo.png"})";
  answers.language = "de-DE";
  answers.collections["users"] = {{"u1", R"([{"id": 3, "name": "Ada Lovelace", "slug": "ada"}])"}};
  answers.collections["categories"] = {
      {"c1", R"([{"id": 12, "name": "Hobel", "slug": "hobel", "parent": 11, "description": ""},
                 {"id": 11, "name": "Werkzeug &amp; Maschinen", "slug": "werkzeug", "parent": 0, "description": "Alles"}])"}};
  answers.collections["tags"] = {
      {"t1", R"([{"id": 21, "name": "B\u00e4ume", "slug": "b%c3%a4ume", "parent": 0}])"}};
  answers.collections["comments"] = {
      {"m1",
       R"([{"id": 71, "post": 5, "parent": 70, "author_name": "Ada Lovelace", "author_url": "",
                  "date": "2010-01-06T09:00:00", "content": {"rendered": "<p>Gern.</p>\n"}, "status": "approved",
                  "type": "comment"},
                 {"id": 70, "post": 5, "parent": 0, "author_name": "Bert", "author_url": "http://bert.example/",
                  "date": "2010-01-06T08:00:00", "content": {"rendered": "<p>Danke!</p>\n"}, "status": "approved",
                  "type": "comment"}])"}};
  answers.collections["posts"] = {
      {"p1", R"([{"id": 5, "date": "2010-01-05T10:00:00", "date_gmt": "2010-01-05T09:00:00",
                  "guid": {"rendered": "https://werkbank.example/?p=5"}, "slug": "hobelbank", "status": "publish",
                  "type": "post", "link": "https://werkbank.example/2010/01/05/hobelbank/",
                  "title": {"rendered": "Die Hobelbank &#8211; fertig"},
                  "content": {"rendered": "<p>Endlich fertig: die Bank steht.</p>\n", "protected": false},
                  "excerpt": {"rendered": "<p>Endlich fertig: die Bank steht.</p>\n", "protected": false},
                  "author": 3, "sticky": true, "format": "aside", "categories": [12], "tags": [21, 99]},
                 {"id": 6, "date": "2010-02-01T10:00:00", "slug": "geheim", "status": "publish", "type": "post",
                  "link": "https://werkbank.example/2010/02/01/geheim/", "title": {"rendered": "Gesch\u00fctzt"},
                  "content": {"rendered": "", "protected": true}, "excerpt": {"rendered": "", "protected": true},
                  "author": 3, "categories": [], "tags": []},
                 {"id": 7, "date": "2010-03-01T10:00:00", "slug": "lack", "status": "publish", "type": "post",
                  "link": "https://werkbank.example/2010/03/01/lack/", "title": {"rendered": "Lack"},
                  "content": {"rendered": "<p>Schellack in drei Schichten, jede d\u00fcnn.</p>\n"},
                  "excerpt": {"rendered": "<p>Wie die Oberfl\u00e4che gl\u00e4nzt.</p>\n"},
                  "author": 3, "categories": [11], "tags": []}])"}};
  return answers;
}

TEST(RestRecords, ReadsWhatTheApiAnswersIntoTheRecordsOfAnExport) {
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  read_rest_answers(werkbank(), sink, diagnostics);
  EXPECT_EQ(sink.site_info.title, "Werkbank & Garten");
  EXPECT_EQ(sink.site_info.link, "https://werkbank.example");
  EXPECT_EQ(sink.site_info.language, "de-DE");
  EXPECT_EQ(sink.site_info.icon_url,
            "https://werkbank.example/wp-content/uploads/2021/03/cropped-logo.png");
  ASSERT_EQ(sink.authors.size(), 1U);
  EXPECT_EQ(sink.authors[0].login, "ada");
  EXPECT_EQ(sink.authors[0].display_name, "Ada Lovelace");

  // Parents named by slug even when the child came first; names decoded once.
  ASSERT_GE(sink.terms.size(), 4U);
  EXPECT_EQ(sink.terms[0].slug, "hobel");
  EXPECT_EQ(sink.terms[0].parent_slug, "werkzeug");
  EXPECT_EQ(sink.terms[1].name, "Werkzeug & Maschinen");
  EXPECT_EQ(sink.terms[2].slug, "b\u00e4ume");
  EXPECT_EQ(sink.terms[3].taxonomy, blog::TermKind::Format);

  ASSERT_EQ(sink.posts.size(), 3U);
  const blog::Post& post = sink.posts[0];
  EXPECT_EQ(post.title, "Die Hobelbank \u2013 fertig");
  EXPECT_EQ(post.markup, blog::Markup::Html);
  EXPECT_EQ(post.author_login, "ada");
  EXPECT_TRUE(post.is_sticky);
  ASSERT_TRUE(post.date.has_value());
  EXPECT_EQ(post.date->hour, 10);  // the site's local time, not date_gmt
  EXPECT_EQ(post.excerpt, "") << "an excerpt WordPress made from the body is not the author's";
  ASSERT_EQ(post.terms.size(), 3U);
  EXPECT_EQ(post.terms[0].slug, "hobel");
  EXPECT_EQ(post.terms[2].slug, "post-format-aside");
  ASSERT_EQ(post.comments.size(), 2U);
  EXPECT_EQ(post.comments[0].id, 70);  // oldest first
  EXPECT_EQ(post.comments[1].parent_id, 70);
  EXPECT_TRUE(post.comments[1].is_approved());
  ASSERT_EQ(diagnostics.warnings().size(), 1U);
  EXPECT_NE(diagnostics.warnings()[0].message.find("term 99"), std::string::npos);

  EXPECT_TRUE(sink.posts[1].has_password);
  EXPECT_FALSE(blog::is_published(sink.posts[1]));
  EXPECT_EQ(sink.posts[2].excerpt, "<p>Wie die Oberfl\u00e4che gl\u00e4nzt.</p>\n");
}

TEST(RestRecords, NamesTheUrlAndPositionOfAnAnswerThatIsNotJson) {
  RestAnswers answers = werkbank();
  answers.collections["tags"] = {
      {"https://werkbank.example/wp-json/wp/v2/tags?page=1", "[{\"id\": 21,\n  \"slug\" }]"}};
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  try {
    read_rest_answers(answers, sink, diagnostics);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_STREQ(
        error.what(),
        "https://werkbank.example/wp-json/wp/v2/tags?page=1: line 2, column 10: the answer is not "
        "valid JSON "
        "(byte 22 of 23); the server may have cut it short or mixed an error message into it");
  }
  answers.collections["tags"] = {
      {"https://werkbank.example/wp-json/wp/v2/tags?page=1",
       R"({"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that."})"}};
  EXPECT_THROW(read_rest_answers(answers, sink, diagnostics), InputError);
}

}  // namespace
}  // namespace blogarchive::importers
