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
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%zz"), "%zz");
}

TEST(HostWithoutWww, DropsOnlyALeadingWww) {
  EXPECT_EQ(host_without_www("WWW.Example.org"), "example.org");
  EXPECT_EQ(host_without_www("wwwx.org"), "wwwx.org");
}

}  // namespace blogarchive::core
