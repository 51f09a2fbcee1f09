// Real bloggers' WordPress exports (../shared/fixtures/real-blogs, see its SOURCES.md)
// become archives whose readers see what they saw: code in code blocks, videos as
// placeholders, and no dead link inside the archive, however the blog moved.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

std::filesystem::path real_blog(const std::string& name) {
  return shared_fixtures_dir() / "real-blogs" / (name + ".wordpress.xml");
}

// Without ../shared the suite still runs; CI has it, so there its absence is a failure.
bool skip_without_real_blogs() {
  if (std::filesystem::is_directory(shared_fixtures_dir() / "real-blogs")) {
    return false;
  }
  if (running_in_ci()) {
    ADD_FAILURE() << "CI=true but " << shared_fixtures_dir() / "real-blogs"
                  << " is missing";
  }
  return true;
}

struct RealArchive {
  BuiltArchive built;
  CliRun check;
};

RealArchive archive_of(const std::string& name) {
  const auto dir = fresh_temp_dir("real-blog-" + name);
  RealArchive archive;
  // No language: the archive takes the export's.
  archive.built =
      import_and_build(dir, {real_blog(name)}, "base_url = \"https://archive.example.org/\"\n");
  archive.check = run_cli({"check", dir.string() + "/site", "--store", dir.string() + "/blog.db",
                           "--config", dir.string() + "/archive.toml"});
  return archive;
}

class RealBlog : public ::testing::TestWithParam<std::string> {};

TEST_P(RealBlog, BuildsWithoutDeadInternalLinksOrPluginShortcodesShownAsText) {
  if (skip_without_real_blogs()) {
    GTEST_SKIP() << "../shared/fixtures/real-blogs is missing (a clone without ../shared): real "
                    "exports not tested";
  }
  const RealArchive archive = archive_of(GetParam());
  ASSERT_EQ(archive.built.build.exit_code, 0) << archive.built.build.output;
  for (const char* plugin :
       {"[code]", "[sourcecode]", "[youtube]", "[vimeo]", "[cc", "code block", "code language"}) {
    EXPECT_EQ(archive.built.build.output.find(plugin), std::string::npos)
        << plugin << "\n"
        << archive.built.build.output;
  }
  EXPECT_EQ(archive.check.exit_code, 0) << archive.check.output;
  EXPECT_NE(archive.check.output.find("broken internal links: 0\n"), std::string::npos)
      << archive.check.output;
  EXPECT_NE(archive.check.output.find("result: every link and every old URL answers"),
            std::string::npos);
  EXPECT_NE(archive.built.files.at("index.html").find("<html lang=\"en\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Exports, RealBlog,
                         ::testing::Values("chrisjrob", "timothyfitz", "mikechristianson",
                                           "heyitsalex"));

TEST(RealBlogs, ShowPluginCodeAsCodeBlocks) {
  if (skip_without_real_blogs()) {
    GTEST_SKIP() << "../shared/fixtures/real-blogs is missing (a clone without ../shared): real "
                    "exports not tested";
  }
  // Jetpack's [sourcecode] on WordPress.com, 2009.
  const RealArchive fitz = archive_of("timothyfitz");
  bool webhook = false;
  for (const auto& [path, bytes] : fitz.built.files) {
    webhook =
        webhook ||
        bytes.find(
            "<pre><code class=\"language-python\">urllib.urlopen(user.webhook.url)</code></pre>") !=
            std::string::npos;
    EXPECT_EQ(bytes.find("[sourcecode"), std::string::npos) << path;
  }
  EXPECT_TRUE(webhook);
  // WP-Syntax's <pre lang="java" line="1">, with generics that must not become tags.
  const RealArchive mike = archive_of("mikechristianson");
  const std::string& xom = mike.built.files.at("2008/11/pretty-xml-from-xom/index.html");
  EXPECT_NE(xom.find("<pre><code class=\"language-java\">ByteArrayOutputStream out = new "
                     "ByteArrayOutputStream();\n"),
            std::string::npos);
}

TEST(RealBlogs, LeaveOutContactFormsThatCannotSend) {
  if (skip_without_real_blogs()) {
    GTEST_SKIP() << "../shared/fixtures/real-blogs is missing (a clone without ../shared): real "
                    "exports not tested";
  }
  // Jetpack's [contact-form] with four [contact-field]s on the contact page, 2014.
  const RealArchive mike = archive_of("mikechristianson");
  const std::string& contact = mike.built.files.at("contact/index.html");
  EXPECT_NE(contact.find("use&nbsp;<a href=\"https://codeaweso.me/_/linkedin-contact\">LinkedIn's "
                         "InMail system</a>."),
            std::string::npos);
  EXPECT_EQ(contact.find("contact-f"), std::string::npos);
  EXPECT_NE(contact.find("LinkedIn&apos;s InMail system.\">"), std::string::npos);
  EXPECT_NE(mike.built.build.output.find(
                "page 2 \"Contact Mike\": the form [contact-form] cannot send anything from "
                "an archive; it is left out"),
            std::string::npos)
      << mike.built.build.output;
}

TEST(RealBlogs, RecoverLinksOfABlogThatMoved) {
  if (skip_without_real_blogs()) {
    GTEST_SKIP() << "../shared/fixtures/real-blogs is missing (a clone without ../shared): real "
                    "exports not tested";
  }
  // mikechristianson.com lived at christiansons.net/mike/blog/ (its guids say so).
  const RealArchive mike = archive_of("mikechristianson");
  const std::string& page =
      mike.built.files.at("2009/05/processing-case-shiller-home-price-index/index.html");
  EXPECT_NE(page.find("href=\"/2009/04/processing-week-4-case-shiller-home-price-indices/\""),
            std::string::npos);
  EXPECT_NE(mike.check.output.find(
                "links in posts recovered to archive pages: 3; sent to the old site (the archive "
                "has no answer): 16\n"),
            std::string::npos)
      << mike.check.output;
  // chrisjrob wrote relative links ("2011/02/23/barclays-on-line-banking/") that were
  // broken on the old blog too; their end names a post.
  const RealArchive rob = archive_of("chrisjrob");
  EXPECT_NE(rob.built.files.at("2011/02/25/banking-with-barclays-on-linux/index.html")
                .find("href=\"/2011/02/23/barclays-on-line-banking/\""),
            std::string::npos);
}

}  // namespace
}  // namespace blogarchive::testing
