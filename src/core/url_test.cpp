#include "core/url.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(SplitUrl, SplitsAbsoluteUrls) {
  const UrlParts parts = split_url("HTTPS://www.Example.org:8080/2010/01/x/?p=5#c");
  EXPECT_EQ(parts.scheme, "https");
  EXPECT_EQ(parts.host, "www.example.org");
  EXPECT_EQ(parts.path, "/2010/01/x/");
  EXPECT_EQ(parts.query, "p=5");
  EXPECT_EQ(parts.fragment, "c");
}

TEST(SplitUrl, LeavesRelativeUrlsWithoutHost) {
  const UrlParts parts = split_url("/?page_id=2");
  EXPECT_FALSE(parts.has_authority);
  EXPECT_EQ(parts.path, "/");
  EXPECT_EQ(query_value(parts.query, "page_id"), "2");
}

TEST(PercentCoding, RoundTripsUtf8Paths) {
  EXPECT_EQ(percent_decode("/%e6%97%a5%E6%9C%AC/"), "/日本/");
  EXPECT_EQ(percent_encode_path("/über uns/"), "/%C3%BCber%20uns/");
  // Paths that need no escape come back whole; the first escape may be anywhere.
  EXPECT_EQ(percent_encode_path("/2010/01/hobel-bank_2.0~/"), "/2010/01/hobel-bank_2.0~/");
  EXPECT_EQ(percent_encode_path(""), "");
  EXPECT_EQ(percent_encode_path("ä"), "%C3%A4");
  EXPECT_EQ(percent_encode_path("/a?b#c%"), "/a%3Fb%23c%25");
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%zz"), "%zz");
}

TEST(HostWithoutWww, DropsOnlyALeadingWww) {
  EXPECT_EQ(host_without_www("WWW.Example.org"), "example.org");
  EXPECT_EQ(host_without_www("wwwx.org"), "wwwx.org");
}

TEST(ResolveReference, ResolvesRelativePathsAgainstTheBase) {
  EXPECT_EQ(resolve_reference("http://a.org/2011/02/25/post/", "2011/02/23/other/"),
            "http://a.org/2011/02/25/post/2011/02/23/other/");
  EXPECT_EQ(resolve_reference("http://a.org/2011/02/25/post/", "../../24/x/"),
            "http://a.org/2011/02/24/x/");
  EXPECT_EQ(resolve_reference("http://a.org/blog/post", "bild.jpg"), "http://a.org/blog/bild.jpg");
  EXPECT_EQ(resolve_reference("http://a.org:8080/blog/", "/x/?p=1#c"),
            "http://a.org:8080/x/?p=1#c");
  EXPECT_EQ(resolve_reference("https://a.org/blog/", "//b.org/y"), "https://b.org/y");
  EXPECT_EQ(resolve_reference("https://a.org/blog/?p=3", "?p=4"), "https://a.org/blog/?p=4");
  EXPECT_EQ(resolve_reference("https://a.org/", "../../../x"), "https://a.org/x");
  EXPECT_EQ(resolve_reference("https://a.org/a/", "https://c.org/"), "https://c.org/");
}

TEST(ResolveReference, TellsRelativeReferences) {
  EXPECT_TRUE(is_relative_reference("../2007/04/14/slug/"));
  EXPECT_TRUE(is_relative_reference("bild.jpg"));
  EXPECT_FALSE(is_relative_reference("/root/"));
  EXPECT_FALSE(is_relative_reference("#comments"));
  EXPECT_FALSE(is_relative_reference("mailto:a@b.c"));
  EXPECT_FALSE(is_relative_reference("//host/x"));
}

}  // namespace blogarchive::core
