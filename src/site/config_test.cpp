#include "site/config.hpp"

#include <gtest/gtest.h>

#include "blogarchive/error.hpp"

namespace blogarchive::site {

TEST(Config, ReadsEveryDocumentedKey) {
  const auto config = parse_config(R"(
title = "Blog-Archiv"
language = "en"
base_url = "https://archiv.example.org"
per_page = 10
[notice]
text = "Alt."
link_url = "https://www.example.org/"
link_text = "www.example.org"
[cookie_notice]
enabled = false
privacy_url = "/datenschutz/"
)", "archive.toml");
  EXPECT_EQ(config.title, "Blog-Archiv");
  EXPECT_EQ(config.language, "en");
  EXPECT_EQ(config.base_url, "https://archiv.example.org/");
  EXPECT_EQ(config.per_page, 10);
  EXPECT_EQ(config.notice.link_text, "www.example.org");
  EXPECT_FALSE(config.cookie_notice.enabled);
  EXPECT_EQ(config.cookie_notice.privacy_url, "/datenschutz/");
}

TEST(Config, PublishesAMarkdownPrivacyPolicyAtTheLanguagesDefaultPath) {
  const auto de = parse_config("base_url = \"https://a.example/\"\n[cookie_notice]\nprivacy_markdown = \"ds.md\"\n",
                               "archive.toml", "/srv/blog");
  EXPECT_EQ(de.cookie_notice.privacy_markdown, std::filesystem::path("/srv/blog/ds.md"));
  EXPECT_EQ(de.cookie_notice.privacy_url, "/datenschutzerklaerung/");
  const auto en = parse_config("base_url = \"https://a.example/\"\nlanguage = \"en\"\n"
                               "[cookie_notice]\nprivacy_markdown = \"p.md\"\n", "archive.toml");
  EXPECT_EQ(en.cookie_notice.privacy_url, "/privacy-policy/");
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\n[cookie_notice]\nprivacy_markdown = \"p.md\"\n"
                            "privacy_url = \"https://elsewhere.example/privacy\"\n", "archive.toml"),
               InputError);
}

TEST(Config, NamesUnknownKeysWithTheirPosition) {
  try {
    parse_config("base_url = \"https://a.example/\"\n[notice]\ntxet = \"x\"\n", "archive.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("archive.toml:3:8: unknown key 'notice.txet'", 0), 0u)
        << error.what();
  }
}

TEST(Config, LoadsNothingFromOtherHostsUnlessAskedTo) {
  const auto strict = parse_config("base_url = \"https://a.example/\"\n", "archive.toml");
  EXPECT_FALSE(strict.privacy.remote_images);
  EXPECT_FALSE(strict.privacy.two_click_embeds);
  const auto relaxed = parse_config("base_url = \"https://a.example/\"\n[privacy]\nremote_images = true\n"
                                    "embeds = \"two-click\"\n", "archive.toml");
  EXPECT_TRUE(relaxed.privacy.remote_images);
  EXPECT_TRUE(relaxed.privacy.two_click_embeds);
  try {
    parse_config("base_url = \"https://a.example/\"\n[privacy]\nembeds = \"always\"\n", "archive.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("archive.toml:3:10: privacy.embeds is \"always\"", 0), 0u)
        << error.what();
  }
}

TEST(Config, RequiresBaseUrlAndAKnownLanguage) {
  EXPECT_THROW(parse_config("title = \"x\"", "a.toml"), InputError);
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\nlanguage = \"fr\"", "a.toml"), InputError);
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\nper_page = \"viele\"", "a.toml"), InputError);
  EXPECT_THROW(parse_config("base_url = [", "a.toml"), InputError);
}

}  // namespace blogarchive::site
