// Every WordPress export among the shared fixtures: the well-formed ones import with the
// counts the export itself gives (computed independently with Python's ElementTree and
// checked against ../shared/fixtures/SOURCES.md); the broken ones fail with a position.
#include <gtest/gtest.h>

#include "blogarchive/error.hpp"
#include "importers/wordpress/wxr_reader.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::wordpress {
namespace {

struct Expected {
  const char* file;
  int items;
  int published_posts;
  int published_pages;
  int approved_comments;  ///< approved comments and pings on published items
};

constexpr Expected kWellFormed[] = {
    {"wordpress-theme-unit-test/theme-preview.xml", 7, 7, 0, 2},
    {"wordpress-theme-unit-test/themeunittestdata.wordpress.xml", 180, 48, 21, 28},
    {"wordpress-theme-test-data/themeunittestdata.wordpress.xml", 186, 55, 21, 29},
    {"wordpress-theme-test-data/64-block-test-data.xml", 72, 61, 1, 2},
    {"wordpress-importer/theme-unit-test-data.xml", 186, 55, 21, 29},
    {"wordpress-importer/a11y-unit-test-data.xml", 154, 44, 17, 25},
    {"wordpress-importer/small-export.xml", 11, 5, 4, 1},
    {"wordpress-importer/valid-wxr-1.0.xml", 6, 3, 3, 1},
    {"wordpress-importer/valid-wxr-1.1.xml", 2, 1, 1, 1},
    {"wordpress-importer/slashes.xml", 1, 1, 0, 1},
    {"wordpress-importer/wxr-simple.xml", 1, 1, 0, 0},
    {"wordpress-importer/wxr-utf-8-challenges.xml", 1, 1, 0, 0},
    {"wordpress-importer/wxr-with-sub-data.xml", 1, 1, 0, 0},
    {"wordpress-importer/crazy-cdata-escaped.xml", 1, 1, 0, 0},
    {"wordpress-importer/multiple-cdata.xml", 1, 1, 0, 0},
    {"wordpress-importer/cdata-edge.xml", 1, 1, 0, 0},
    {"wordpress-importer/backslashes.xml", 1, 1, 0, 0},
    {"wordpress-importer/blank-lines.xml", 1, 1, 0, 0},
    {"wordpress-importer/post-content-blank-lines.xml", 1, 1, 0, 0},
    {"wordpress-importer/missing-tags.xml", 1, 1, 0, 0},
    {"wordpress-importer/chunked-meta.xml", 1, 1, 0, 0},
    {"wordpress-importer/authors-multiline.xml", 1, 1, 0, 0},
    {"wordpress-importer/namespace-edge-cases.xml", 6, 5, 0, 0},
    {"wordpress-importer/large-authors.xml", 0, 0, 0, 0},
    {"wordpress-importer/term-formats.xml", 0, 0, 0, 0},
    {"wordpress-importer/term-meta.xml", 0, 0, 0, 0},
    {"wordpress-importer/test-serialized-comment-meta.xml", 1, 0, 0, 0},
    {"wordpress-importer/test-serialized-postmeta-no-cdata.xml", 1, 0, 0, 0},
    {"wordpress-importer/test-serialized-postmeta-with-cdata.xml", 1, 0, 0, 0},
    {"wordpress-importer/test-serialized-term-meta.xml", 1, 0, 0, 0},
    {"wordpress-importer/test-utw-post-meta-import.xml", 1, 0, 0, 0},
    {"wordpress-importer/wxr-flat-attachment-different-site.xml", 2, 1, 0, 0},
    {"wordpress-importer/wxr-flat-attachment-same-site.xml", 2, 1, 0, 0},
    {"wordpress-importer/e2e/wxr-base-url-rewriting.xml", 1, 1, 0, 0},
    {"wordpress-importer/e2e/wxr-comprehensive.xml", 2, 1, 1, 1},
    {"wordpress-importer/e2e/wxr-css-urls.xml", 1, 1, 0, 0},
    {"wordpress-importer/e2e/wxr-simple.xml", 1, 1, 0, 0},
    {"pelican/wordpressexport.xml", 20, 7, 2, 3},
    {"jekyll-import/sitetitle.wordpress.2025-01-19.000.xml", 16, 7, 1, 0},
    {"ghost-migrate/mg-wp-xml/co-authors-plus.xml", 4, 4, 0, 0},
    {"ghost-migrate/mg-wp-xml/feature-image-captions.xml", 5, 3, 0, 0},
    {"ghost-migrate/mg-wp-xml/has-audio-enclosure.xml", 1, 1, 0, 0},
    {"ghost-migrate/mg-wp-xml/has-audio-enclosure-with-libsyn-embed.xml", 1, 1, 0, 0},
    {"ghost-migrate/mg-wp-xml/has-meta.xml", 1, 0, 0, 0},
    {"ghost-migrate/mg-wp-xml/has-yoast-meta.xml", 2, 2, 0, 0},
    {"ghost-migrate/mg-wp-xml/sample-with-alt.xml", 2, 1, 0, 0},
    {"ghost-migrate/mg-wp-xml/multiple/pages-only.xml", 1, 0, 1, 0},
    {"ghost-migrate/mg-wp-xml/multiple/posts-only.xml", 4, 2, 0, 0},
    {"hexo-migrator-wordpress/wordpress.xml", 19, 4, 1, 1},
    {"google-blog-converters/testdata/wordpress.1.xml", 10, 4, 2, 3},
    {"google-blog-converters/testdata/wordpress.2.xml", 5, 3, 1, 2},
    {"google-blog-converters/wordpress-sample.wxr", 5, 3, 1, 2},
    {"google-blog-converters/wordpress-sample2.wxr", 11, 4, 0, 3},
};

blog::VectorSink import_file(const std::filesystem::path& path, bool recover,
                             core::Diagnostics& diagnostics) {
  blog::VectorSink sink;
  WxrImporter().read(path, ReadOptions{recover, {}}, sink, diagnostics);
  return sink;
}

}  // namespace

class WellFormedExport : public ::testing::TestWithParam<Expected> {};

TEST_P(WellFormedExport, ImportsWithTheCountsTheExportGives) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const Expected& expected = GetParam();
  core::Diagnostics diagnostics;
  const auto sink = import_file(testing::shared_fixtures_dir() / expected.file, false, diagnostics);
  int posts = 0;
  int pages = 0;
  int comments = 0;
  for (const auto& post : sink.posts) {
    if (!blog::is_published(post)) {
      continue;
    }
    (post.type == blog::ItemKind::Article ? posts : pages) += 1;
    for (const auto& comment : post.comments) {
      comments += comment.is_approved() ? 1 : 0;
    }
  }
  EXPECT_EQ(static_cast<int>(sink.posts.size()), expected.items);
  EXPECT_EQ(posts, expected.published_posts);
  EXPECT_EQ(pages, expected.published_pages);
  EXPECT_EQ(comments, expected.approved_comments);
}

INSTANTIATE_TEST_SUITE_P(SharedFixtures, WellFormedExport, ::testing::ValuesIn(kWellFormed),
                         [](const auto& param_info) {
                           std::string name = param_info.param.file;
                           for (char& c : name) {
                             c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return name;
                         });

struct Broken {
  const char* file;
  const char* position;  ///< "file:line:column" prefix the error must name
};

constexpr Broken kBroken[] = {
    {"wordpress-importer/malformed.xml", "malformed.xml:90:"},
    {"wordpress-importer/malformed-simple.xml", "malformed-simple.xml:13:"},
    {"wordpress-importer/crazy-cdata.xml", "crazy-cdata.xml:18:"},
    {"ghost-migrate/mg-wp-xml/sample.xml", "sample.xml:109:"},
    {"ghost-migrate/mg-wp-xml/sample-no-slug.xml", "sample-no-slug.xml:109:"},
    {"ghost-migrate/mg-wp-xml/multiple/attachments-only.xml", "attachments-only.xml:11:"},
};

class BrokenExport : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenExport, FailsWithTheFileLineAndColumn) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  try {
    import_file(testing::shared_fixtures_dir() / GetParam().file, false, diagnostics);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind(GetParam().position, 0), 0u) << error.what();
    EXPECT_NE(std::string(error.what()).find("--recover"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(SharedFixtures, BrokenExport, ::testing::ValuesIn(kBroken),
                         [](const auto& param_info) { return std::to_string(param_info.index); });

TEST(RecoveringImport, ReadsTheItemsAroundARawAmpersandAndReportsTheRepair) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  const auto sink = import_file(
      testing::shared_fixtures_dir() / "ghost-migrate/mg-wp-xml/sample.xml", true, diagnostics);
  EXPECT_EQ(sink.posts.size(), 6u);
  bool reported = false;
  for (const auto& warning : diagnostics.warnings()) {
    reported = reported || warning.message.find("XML repaired: ") == 0;
  }
  EXPECT_TRUE(reported);
}

TEST(WellFormedExportRules, RejectsMissingAndInvalidVersions) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();  // without them, the missing files would throw too
  core::Diagnostics diagnostics;
  EXPECT_THROW(
      import_file(testing::shared_fixtures_dir() / "wordpress-importer/missing-version-tag.xml",
                  false, diagnostics),
      InputError);
  EXPECT_THROW(
      import_file(testing::shared_fixtures_dir() / "wordpress-importer/invalid-version-tag.xml",
                  false, diagnostics),
      InputError);
}

TEST(WellFormedExportRules, KeepsContentByteForByte) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  const auto dir = testing::shared_fixtures_dir() / "wordpress-importer";
  EXPECT_EQ(import_file(dir / "crazy-cdata-escaped.xml", false, diagnostics).posts.at(0).content,
            "Content with nested <![CDATA[ tags ]]> :)");
  EXPECT_EQ(import_file(dir / "multiple-cdata.xml", false, diagnostics)
                    .posts.at(0)
                    .content.find("line oneline twoline three") != std::string::npos,
            true);
  EXPECT_NE(import_file(dir / "backslashes.xml", false, diagnostics)
                .posts.at(0)
                .content.find("C:\\xampp\\htdocs"),
            std::string::npos);
  const auto slashes = import_file(dir / "slashes.xml", false, diagnostics);
  EXPECT_EQ(slashes.posts.at(0).content, "Slashes aren\\'t \\\"cool\\\"");
  EXPECT_EQ(slashes.posts.at(0).comments.at(0).content, "\\o/ ¯\\_(ツ)_/¯");
  const std::string utf8 =
      import_file(dir / "wxr-utf-8-challenges.xml", false, diagnostics).posts.at(0).slug;
  EXPECT_EQ(utf8, "hello-w\u202Eorld\u202C-utf8-💫-test");
}

TEST(WellFormedExportRules, DecodesTitlesOnceAndPercentEncodedSlugs) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  const auto blocks = import_file(
      testing::shared_fixtures_dir() / "wordpress-theme-test-data/64-block-test-data.xml", false,
      diagnostics);
  bool found = false;
  for (const auto& post : blocks.posts) {
    found = found || post.title == "Media & Text";
  }
  EXPECT_TRUE(found);
  const auto hexo = import_file(
      testing::shared_fixtures_dir() / "hexo-migrator-wordpress/wordpress.xml", false, diagnostics);
  found = false;
  for (const auto& post : hexo.posts) {
    found = found || post.slug == "日本語テスト";
  }
  EXPECT_TRUE(found);
}

TEST(WellFormedExportRules, NeverReadsEmailOrIpAddresses) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  const auto sink =
      import_file(testing::shared_fixtures_dir() / "wordpress-importer/theme-unit-test-data.xml",
                  false, diagnostics);
  for (const auto& post : sink.posts) {
    for (const auto& comment : post.comments) {
      EXPECT_EQ(comment.author_name.find('@'), std::string::npos);
    }
  }
}

TEST(WellFormedExportRules, ReadsTermsAndNamespaces) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  core::Diagnostics diagnostics;
  const auto dir = testing::shared_fixtures_dir() / "wordpress-importer";
  const auto small = import_file(dir / "small-export.xml", false, diagnostics);
  int categories = 0;
  int tags = 0;
  for (const auto& term : small.terms) {
    categories += term.taxonomy == blog::TermKind::Category;
    tags += term.taxonomy == blog::TermKind::Tag;
  }
  EXPECT_EQ(categories, 30);
  EXPECT_EQ(tags, 3);
  EXPECT_EQ(small.authors.size(), 3u);
  const auto edge = import_file(dir / "namespace-edge-cases.xml", false, diagnostics);
  EXPECT_EQ(edge.posts.at(0).id, 999);                // the last post_id declaration wins
  EXPECT_TRUE(edge.posts.at(4).type.name().empty());  // the hijacked namespace is ignored
  const auto old = import_file(dir / "valid-wxr-1.0.xml", false, diagnostics);
  const auto& post = old.posts.at(2);
  const blog::TermRef news{blog::TermKind::Tag, "news", "news"};
  EXPECT_NE(std::find(post.terms.begin(), post.terms.end(), news), post.terms.end());
}

}  // namespace blogarchive::importers::wordpress
