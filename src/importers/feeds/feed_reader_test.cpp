// The feed importer against the feeds of SimplePie's and feedparser's test suites
// (../shared/fixtures; expectations in docs/fixture-assertions.md, sections 9 and 10).
#include "importers/feeds/feed_reader.hpp"

#include <gtest/gtest.h>

#include <map>

#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "imported.hpp"
#include "importers/feeds/feed_dates.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::feeds {
namespace {

using testing::Imported;

Imported import(const std::filesystem::path& file) {
  return testing::import_with(FeedImporter(), file);
}

std::filesystem::path feedparser(const std::string& path) {
  return testing::shared_fixtures_dir() / "feedparser" / path;
}

std::filesystem::path simplepie(const std::string& path) {
  return testing::shared_fixtures_dir() / "simplepie" / path;
}

}  // namespace

TEST(FeedDates, ReadsRfc822AndRfc3339WithTheirZones) {
  const auto rss = parse_feed_date("Sat, 07 Sep 2002 00:00:01 GMT");
  ASSERT_TRUE(rss);
  EXPECT_EQ(rss->local, (core::DateTime{2002, 9, 7, 0, 0, 1}));
  EXPECT_EQ(rss->utc, (core::DateTime{2002, 9, 7, 0, 0, 1}));
  const auto eastern = parse_feed_date("Mon, 31 Dec 07 23:30 EST");
  ASSERT_TRUE(eastern);
  EXPECT_EQ(eastern->local, (core::DateTime{2007, 12, 31, 23, 30, 0}));
  EXPECT_EQ(eastern->utc, (core::DateTime{2008, 1, 1, 4, 30, 0}));
  const auto atom = parse_feed_date("2005-07-31T12:29:29.123+02:00");
  ASSERT_TRUE(atom);
  EXPECT_EQ(atom->local, (core::DateTime{2005, 7, 31, 12, 29, 29}));
  EXPECT_EQ(atom->utc, (core::DateTime{2005, 7, 31, 10, 29, 29}));
  const auto floating = parse_feed_date("2003-12-13T18:30:02");
  ASSERT_TRUE(floating);
  EXPECT_FALSE(floating->utc);  // no zone given: local time only
  EXPECT_FALSE(parse_feed_date("last Tuesday"));
  EXPECT_FALSE(parse_feed_date("31 Foo 2002 10:00 GMT"));
}

TEST(FeedImporter, ReadsEveryItemOfARss2Feed) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = import(simplepie("feed_rss-2.0_for_file_mock.xml"));
  EXPECT_EQ(imported.sink.posts.size(), 100u);  // SimplePie: get_item_quantity() == 100
  for (const auto& post : imported.sink.posts) {
    EXPECT_TRUE(blog::is_published(post));
    EXPECT_EQ(post.markup, blog::Markup::Html);
  }
}

TEST(FeedImporter, ReadsRssAndAtomExamplesOfEveryVersion) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  for (const char* name : {"rss20.xml", "rss20dc.xml", "rss10.rdf", "atom10.xml", "atom03.xml"}) {
    const auto imported = import(feedparser(std::string("examples/") + name));
    ASSERT_EQ(imported.sink.posts.size(), 1u) << name;
    const blog::Post& post = imported.sink.posts[0];
    EXPECT_FALSE(post.title.empty()) << name;
    EXPECT_FALSE(post.link.empty()) << name;
    EXPECT_TRUE(post.date) << name;
    EXPECT_FALSE(core::trim(post.content).empty()) << name;
    EXPECT_LT(post.id, 0) << name;
  }
  const auto rss = import(feedparser("examples/rss20.xml"));
  EXPECT_EQ(rss.sink.site_info.title, "Sample Feed");
  for (const auto& author : rss.sink.authors) {
    EXPECT_EQ(author.login.find('@'), std::string::npos)
        << author.login;  // RSS authors are addresses
  }
  EXPECT_EQ(rss.sink.site_info.format, "rss 2.0");
  const auto atom = import(feedparser("examples/atom10.xml"));
  EXPECT_EQ(atom.sink.site_info.format, "atom 1.0");
  // Atom's xhtml content arrives as markup, not as escaped text.
  EXPECT_NE(atom.sink.posts[0].content.find('<'), std::string::npos);
}

TEST(FeedImporter, ReadsUtf16FeedsWithAndWithoutByteOrderMark) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  for (const char* name : {"feed-utf16be.xml", "feed-utf16le.xml"}) {
    const auto imported = import(simplepie(name));
    EXPECT_EQ(imported.sink.posts.size(), 1u) << name;
    EXPECT_TRUE(imported.diagnostics.warnings().empty()) << name;
  }
  const auto declared = import(feedparser("encoding/utf-16le-bom.xml"));
  EXPECT_TRUE(declared.sink.posts.empty());  // <rss> without a channel: nothing to import, said so
  ASSERT_EQ(declared.diagnostics.warnings().size(), 1u);
}

TEST(FeedImporter, ReadsDeclaredLegacyEncodings) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  // euc-kr is decoded as declared (feedparser: the feed title is U+B144).
  const auto korean = import(feedparser("encoding/euc-kr.xml"));
  EXPECT_EQ(korean.sink.site_info.title, "\xEB\x85\x84");
}

TEST(FeedImporter, DetectsUndeclaredAsianAndCyrillicEncodings) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  // feedparser's chardet cases: no declaration, not UTF-8. ICU's detector names them.
  const std::pair<const char*, const char*> cases[] = {
      {"big5.xml", "Big5"},      {"eucjp.xml", "EUC-JP"}, {"euckr.xml", "EUC-KR"},
      {"gb2312.xml", "GB18030"}, {"koi8r.xml", "KOI8-R"}, {"shiftjis.xml", "Shift_JIS"}};
  const std::map<std::string, std::string> beginnings{
      {"big5.xml", "我希望"},        {"eucjp.xml", "ゲーム三昧な正月"},
      {"euckr.xml", "EUC-KR 에서"},  {"gb2312.xml", "不归移民漫画系列"},
      {"koi8r.xml", "Как пережить"}, {"shiftjis.xml", "DrecomRSSに記事投稿"}};
  for (const auto& [name, encoding] : cases) {
    const auto imported = import(feedparser(std::string("illformed/chardet/") + name));
    const std::string title = imported.sink.posts.empty() ? imported.sink.site_info.title
                                                          : imported.sink.posts.front().title;
    EXPECT_TRUE(title.starts_with(beginnings.at(name))) << name << ": " << title;
    ASSERT_FALSE(imported.diagnostics.warnings().empty()) << name;
    EXPECT_NE(
        imported.diagnostics.warnings().front().message.find(std::string("read as ") + encoding),
        std::string::npos)
        << imported.diagnostics.warnings().front().message;
  }
  // Thai (TIS-620) is beyond ICU's detector: read as Windows-1252, still valid UTF-8.
  for (const char* name : {"tis620.xml", "windows1255.xml"}) {
    const auto imported = import(feedparser(std::string("illformed/chardet/") + name));
    for (const auto& post : imported.sink.posts) {
      EXPECT_TRUE(core::is_valid_utf8(post.content + post.title)) << name;
    }
  }
}

TEST(FeedImporter, RepairsTextEncodedTwiceAndWindowsQuotesAsControls) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto doubled = import(feedparser("encoding/double-encoded-html.xml"));
  ASSERT_EQ(doubled.sink.posts.size(), 1u);
  EXPECT_EQ(doubled.sink.posts[0].content, "\xE2\x80\xA6");  // U+2026, not "â\u0080¦"
  EXPECT_FALSE(doubled.diagnostics.empty());
  // The same with HTML entities that XML does not define (&acirc;&#128;&brvbar;).
  const auto entities = import(feedparser("encoding/bozo_double-encoded-html.xml"));
  ASSERT_EQ(entities.sink.posts.size(), 1u);
  EXPECT_EQ(entities.sink.posts[0].content, "\xE2\x80\xA6");
  for (const char* name : {"encoding/demoronize-1.xml", "encoding/demoronize-2.xml"}) {
    const auto imported = import(feedparser(name));
    ASSERT_EQ(imported.sink.posts.size(), 1u);
    EXPECT_EQ(imported.sink.posts[0].content, "don\xE2\x80\x99t") << name;
  }
}

TEST(FeedImporter, ReadsBrokenFeedsWithAWarningPerRepair) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto ampersands = import(feedparser("illformed/rss_item_link_corrupted_ampersands.xml"));
  ASSERT_EQ(ampersands.sink.posts.size(), 1u);
  ASSERT_FALSE(ampersands.diagnostics.warnings().empty());
  EXPECT_NE(
      ampersands.diagnostics.warnings().front().message.find("not well-formed, repaired: line "),
      std::string::npos);
  const auto cdata = import(feedparser("illformed/rss_incomplete_cdata.xml"));
  EXPECT_GE(cdata.diagnostics.warnings().size(), 1u);
  // Neither a bogus encoding nor line noise stops the import.
  EXPECT_NO_THROW(import(feedparser("encoding/bozo_bogus_encoding.xml")));
  EXPECT_NO_THROW(import(feedparser("encoding/bozo_linenoise.xml")));
  EXPECT_NO_THROW(import(feedparser("encoding/bozo_encoding_mismatch_crash.xml")));
}

TEST(FeedImporter, ToleratesWhitespaceBeforeTheDeclarationAndForeignDoctypes) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  EXPECT_NO_THROW(import(simplepie("feed-with-whitespace-before-xml-declaration.xml")));
  const auto doctype = import(feedparser("illformed/always_strip_doctype.xml"));
  EXPECT_EQ(doctype.sink.site_info.title, "found");
  EXPECT_TRUE(doctype.diagnostics.warnings().empty());
}

TEST(FeedImporter, LeavesWordPressAndBloggerExportsToTheirImporters) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const FeedImporter importer;
  EXPECT_TRUE(importer.recognizes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"));
  EXPECT_FALSE(importer.recognizes("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">"));
  EXPECT_FALSE(
      importer.recognizes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><category "
                          "scheme=\"http://schemas.google.com/g/2005#kind\""));
  EXPECT_EQ(detect_importer(simplepie("feed_rss-2.0_for_file_mock.xml")).name(), "feed");
  EXPECT_EQ(detect_importer(simplepie("feed-utf16le.xml")).name(), "feed");
}

}  // namespace blogarchive::importers::feeds
