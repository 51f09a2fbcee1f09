#include "importers/wordpress/wxr_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "blogarchive/error.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::wordpress {
namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  const auto path = testing::fresh_temp_dir("wxr-" + name) / (name + ".xml");
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string item(const std::string& fields) {
  return "<item><title>T</title>" + fields + "</item>";
}

std::string wxr(const std::string& items) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Blog &amp; mehr</title><link>http://old.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>)" +
         items + "</channel></rss>";
}

}  // namespace

TEST(WxrImporter, ReadsPostFieldsWithoutEmailOrIp) {
  const auto path = write_temp("fields", wxr(item(R"(
    <link>http://old.example.org/2010/01/gruss/</link><wp:post_id>5</wp:post_id>
    <wp:post_date>2010-01-05 10:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
    <wp:post_name>gr%c3%bc%c3%9f</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
    <wp:post_password>geheim</wp:post_password>
    <wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_author>Leser</wp:comment_author>
    <wp:comment_author_email>leser@example.org</wp:comment_author_email>
    <wp:comment_author_IP>192.0.2.7</wp:comment_author_IP><wp:comment_approved>1</wp:comment_approved>
    <wp:comment_parent>4</wp:comment_parent></wp:comment>)")));
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  WxrImporter().read(path, {}, sink, diagnostics);
  ASSERT_EQ(sink.posts.size(), 1u);
  const auto& post = sink.posts[0];
  EXPECT_EQ(sink.site_info.title, "Blog & mehr");
  EXPECT_EQ(post.slug, "grüß");
  EXPECT_TRUE(post.has_password);
  EXPECT_FALSE(post.date_gmt);
  EXPECT_EQ(core::to_sql(*post.date), "2010-01-05 10:00:00");
  ASSERT_EQ(post.comments.size(), 1u);
  EXPECT_EQ(post.comments[0].parent_id, 0);  // the missing parent was reported and dropped
  EXPECT_EQ(diagnostics.warnings().size(), 1u);
}

TEST(WxrImporter, TakesTheNewestSiteIconAttachmentAsTheBlogsIcon) {
  const auto attachment = [](int id, const std::string& file, const std::string& context) {
    return item("<wp:post_id>" + std::to_string(id) +
                "</wp:post_id><wp:post_type>attachment</wp:post_type>"
                "<wp:status>inherit</wp:status><wp:attachment_url>http://old.example.org/"
                "wp-content/uploads/" +
                file +
                "</wp:attachment_url><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_context]]></"
                "wp:meta_key>"
                "<wp:meta_value><![CDATA[" +
                context + "]]></wp:meta_value></wp:postmeta>");
  };
  // The icon was changed once; a header image is cropped too, and is no icon.
  const auto path =
      write_temp("site-icon", wxr(attachment(7, "2010/01/cropped-neu.png", "site-icon") +
                                  attachment(3, "2009/05/cropped-alt.png", "site-icon") +
                                  attachment(9, "2010/02/cropped-kopf.jpg", "custom-header")));
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  WxrImporter().read(path, {}, sink, diagnostics);
  EXPECT_EQ(sink.site_info.icon_url,
            "http://old.example.org/wp-content/uploads/2010/01/cropped-neu.png");
  EXPECT_EQ(sink.site_info.title, "Blog & mehr");

  const auto without =
      write_temp("no-site-icon", wxr(attachment(9, "2010/02/cropped-kopf.jpg", "custom-header")));
  blog::VectorSink plain;
  WxrImporter().read(without, {}, plain, diagnostics);
  EXPECT_EQ(plain.site_info.icon_url, "");
}

TEST(WxrImporter, ReadsWhichUserWroteAComment) {
  const auto path = write_temp(
      "user-ids",
      wxr(R"(<wp:author><wp:author_id>3</wp:author_id>
    <wp:author_login>ada</wp:author_login><wp:author_display_name>Ada</wp:author_display_name></wp:author>)" +
          item(
              R"(<wp:post_id>5</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
    <dc:creator>ada</dc:creator>
    <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Leser</wp:comment_author>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
    <wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_author>Ada</wp:comment_author>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_user_id>3</wp:comment_user_id></wp:comment>)")));
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  WxrImporter().read(path, {}, sink, diagnostics);
  ASSERT_EQ(sink.authors.size(), 1u);
  EXPECT_EQ(sink.authors[0].id, 3);
  ASSERT_EQ(sink.posts.size(), 1u);
  ASSERT_EQ(sink.posts[0].comments.size(), 2u);
  EXPECT_EQ(sink.posts[0].comments[0].user_id, 0);
  EXPECT_EQ(sink.posts[0].comments[1].user_id, 3);
}

TEST(WxrImporter, RejectsFilesThatAreNotWordPressExports) {
  const auto path = write_temp("feed", "<?xml version=\"1.0\"?><feed><title>x</title></feed>");
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  EXPECT_THROW(WxrImporter().read(path, {}, sink, diagnostics), InputError);
}

TEST(WxrImporter, NamesLineAndColumnOfTruncatedFiles) {
  const std::string text = wxr(item("<wp:post_id>1</wp:post_id>"));
  const auto path = write_temp("truncated", text.substr(0, text.size() - 20));
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  try {
    WxrImporter().read(path, {}, sink, diagnostics);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("truncated.xml:5:", 0), 0u) << error.what();
  }
}

TEST(WxrImporter, RefusesEntityDeclarationsBeforeExpandingAnything) {
  // Seven levels of twenty: 20^6 × 70 bytes, about 4.5 GB of text if expanded.
  std::string dtd = "<!DOCTYPE rss [\n<!ENTITY a \"" + std::string(70, 'a') + "\">\n";
  for (char level = 'b'; level <= 'g'; ++level) {
    dtd += std::string("<!ENTITY ") + level + " \"";
    for (int i = 0; i < 20; ++i) {
      dtd += std::string("&") + static_cast<char>(level - 1) + ";";
    }
    dtd += "\">\n";
  }
  dtd += "<!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n]>\n";
  std::string text =
      wxr(item("<wp:post_id>1</wp:post_id><content:encoded>&g;&passwd;</content:encoded>"));
  text.insert(text.find("<rss"), dtd);
  const auto path = write_temp("laughs", text);
  for (const bool recover : {false, true}) {
    blog::VectorSink sink;
    core::Diagnostics diagnostics;
    try {
      WxrImporter().read(path, {.recover = recover, .table_prefix = {}}, sink, diagnostics);
      FAIL() << "recover=" << recover;
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find("laughs.xml:"), std::string::npos) << error.what();
      EXPECT_NE(std::string(error.what()).find("declares XML entities"), std::string::npos)
          << error.what();
    }
    EXPECT_TRUE(sink.posts.empty());
  }
  // A DOCTYPE without declarations is harmless and read as usual.
  std::string plain = wxr(item("<wp:post_id>1</wp:post_id>"));
  plain.insert(plain.find("<rss"), "<!DOCTYPE rss>\n");
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  WxrImporter().read(write_temp("doctype", plain), {}, sink, diagnostics);
  EXPECT_EQ(sink.posts.size(), 1u);
}

TEST(WxrImporter, DerivesMissingSlugsFromTheTitleAndReportsThem) {
  const auto path = write_temp(
      "slug",
      wxr("<item><title>Über Größe</title><wp:post_id>3</wp:post_id><wp:status>publish</wp:status>"
          "<wp:post_type>post</wp:post_type><wp:post_date>2010-01-01 "
          "00:00:00</wp:post_date></item>"));
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
  WxrImporter().read(path, {}, sink, diagnostics);
  EXPECT_EQ(sink.posts.at(0).slug, "ueber-groesse");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_NE(diagnostics.warnings()[0].message.find("empty slug"), std::string::npos);
}

}  // namespace blogarchive::importers::wordpress
