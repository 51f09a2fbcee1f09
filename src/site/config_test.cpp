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
)",
                                   "archive.toml");
  EXPECT_EQ(config.title, "Blog-Archiv");
  EXPECT_EQ(config.language, "en");
  EXPECT_EQ(config.base_url, "https://archiv.example.org/");
  EXPECT_EQ(config.per_page, 10);
  EXPECT_EQ(config.notice.link_text, "www.example.org");
  EXPECT_FALSE(config.cookie_notice.enabled);
  EXPECT_EQ(config.cookie_notice.privacy_url, "/datenschutz/");
}

TEST(Config, PublishesAMarkdownPrivacyPolicyAtTheLanguagesDefaultPath) {
  core::Diagnostics diagnostics;
  const auto de = with_export_language(
      parse_config(
          "base_url = \"https://a.example/\"\n[cookie_notice]\nprivacy_markdown = \"ds.md\"\n",
          "archive.toml", "/srv/blog"),
      "de-DE", diagnostics);
  EXPECT_EQ(de.cookie_notice.privacy_markdown, std::filesystem::path("/srv/blog/ds.md"));
  EXPECT_EQ(de.cookie_notice.privacy_url, "/datenschutzerklaerung/");
  const auto en =
      with_export_language(parse_config("base_url = \"https://a.example/\"\nlanguage = \"en\"\n"
                                        "[cookie_notice]\nprivacy_markdown = \"p.md\"\n",
                                        "archive.toml"),
                           "de", diagnostics);
  EXPECT_EQ(en.cookie_notice.privacy_url, "/privacy-policy/");
  const auto fr = with_export_language(
      parse_config(
          "base_url = \"https://a.example/\"\n[cookie_notice]\nprivacy_markdown = \"p.md\"\n",
          "archive.toml"),
      "fr-FR", diagnostics);
  EXPECT_EQ(fr.language, "fr");
  EXPECT_EQ(fr.cookie_notice.privacy_url, "/politique-de-confidentialite/");
  EXPECT_TRUE(diagnostics.warnings().empty());
  EXPECT_THROW(
      parse_config(
          "base_url = \"https://a.example/\"\n[cookie_notice]\nprivacy_markdown = \"p.md\"\n"
          "privacy_url = \"https://elsewhere.example/privacy\"\n",
          "archive.toml"),
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
  const auto relaxed = parse_config(
      "base_url = \"https://a.example/\"\n[privacy]\nremote_images = true\n"
      "embeds = \"two-click\"\n",
      "archive.toml");
  EXPECT_TRUE(relaxed.privacy.remote_images);
  EXPECT_TRUE(relaxed.privacy.two_click_embeds);
  try {
    parse_config("base_url = \"https://a.example/\"\n[privacy]\nembeds = \"always\"\n",
                 "archive.toml");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("archive.toml:3:10: privacy.embeds is \"always\"", 0),
              0u)
        << error.what();
  }
}

TEST(Config, RequiresBaseUrlAndAKnownLanguage) {
  EXPECT_THROW(parse_config("title = \"x\"", "a.toml"), InputError);
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\nlanguage = \"tlh\"", "a.toml"),
               InputError);
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\nlanguage = \"fr-FR\"", "a.toml"),
               InputError);
  EXPECT_THROW(parse_config("base_url = \"https://a.example/\"\nper_page = \"viele\"", "a.toml"),
               InputError);
  EXPECT_THROW(parse_config("base_url = [", "a.toml"), InputError);
}

TEST(Config, TakesTheExportsLanguageWhenTheConfigNamesNone) {
  EXPECT_EQ(archive_language("fr-FR"), "fr");
  EXPECT_EQ(archive_language("pt_BR"), "pt");
  EXPECT_EQ(archive_language("NL"), "nl");
  EXPECT_EQ(archive_language("zh-CN"), "");
  core::Diagnostics diagnostics;
  const auto base = parse_config("base_url = \"https://a.example/\"", "a.toml");
  EXPECT_EQ(with_export_language(base, "da-DK", diagnostics).language, "da");
  EXPECT_TRUE(diagnostics.warnings().empty());
  EXPECT_EQ(with_export_language(base, "zh-CN", diagnostics).language, "en");
  ASSERT_EQ(diagnostics.warnings().size(), 1U);
  EXPECT_NE(diagnostics.warnings()[0].message.find("\"zh-CN\""), std::string::npos);
  const auto configured =
      parse_config("base_url = \"https://a.example/\"\nlanguage = \"sv\"", "a.toml");
  EXPECT_EQ(with_export_language(configured, "fr", diagnostics).language, "sv");  // the config wins
}

}  // namespace blogarchive::site
