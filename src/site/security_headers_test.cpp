#include "site/security_headers.hpp"

#include <gtest/gtest.h>

namespace blogarchive::site {

TEST(SecurityHeaders, AllowOnlyTheSiteItselfByDefault) {
  const SiteConfig::Privacy strict;
  const std::string meta = content_security_policy(strict, false);
  EXPECT_NE(meta.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(meta.find("img-src 'self';"), std::string::npos);
  EXPECT_NE(meta.find("frame-src 'none'"), std::string::npos);
  EXPECT_NE(meta.find("object-src 'none'"), std::string::npos);
  EXPECT_EQ(meta.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(meta.find("frame-ancestors"),
            std::string::npos);  // ignored in <meta>, with a console error
  EXPECT_NE(content_security_policy(strict, true).find("frame-ancestors 'self'"),
            std::string::npos);
}

TEST(SecurityHeaders, RelaxOnlyWhatTheConfigAllows) {
  SiteConfig::Privacy relaxed;
  relaxed.remote_images = true;
  relaxed.two_click_embeds = true;
  const std::string policy = content_security_policy(relaxed, false);
  EXPECT_NE(policy.find("img-src 'self' https: http:;"), std::string::npos);
  EXPECT_NE(policy.find("frame-src https://www.youtube-nocookie.com https://player.vimeo.com"),
            std::string::npos);
  EXPECT_NE(policy.find("script-src 'self';"), std::string::npos);
}

TEST(SecurityHeaders, HeadersFileRoundTripsThroughItsParser) {
  const SiteConfig::Privacy strict;
  const auto parsed = parse_headers_file(headers_file(strict));
  EXPECT_EQ(parsed, security_headers(strict));
  const auto other_paths =
      parse_headers_file("/assets/*\n  Cache-Control: max-age=60\n/*\n  X-Test: 1\nkaputt\n");
  ASSERT_EQ(parsed.size(), 4u);
  EXPECT_EQ(other_paths, (std::vector<Header>{{"X-Test", "1"}}));
}

}  // namespace blogarchive::site
