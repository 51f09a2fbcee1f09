#include "site/config.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

namespace blogarchive::site {
namespace {

std::string where(const std::string& source, const toml::node& node) {
  const auto& begin = node.source().begin;
  return fmt::format("{}:{}:{}", source, begin.line, begin.column);
}

void reject_unknown_keys(const toml::table& table, const std::set<std::string>& known,
                         const std::string& prefix, const std::string& source) {
  for (const auto& [key, value] : table) {
    if (known.count(std::string(key.str())) == 0) {
      throw InputError(fmt::format("{}: unknown key '{}{}' (known keys: {})", where(source, value),
                                   prefix, key.str(), fmt::join(known, ", ")));
    }
  }
}

template <typename T>
void read(const toml::table& table, const char* key, T& out, const std::string& source) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return;
  }
  if (auto value = node->value<T>()) {
    out = *value;
    return;
  }
  throw InputError(fmt::format("{}: '{}' has the wrong type", where(source, *node), key));
}

void read_string(const toml::table& table, const char* key, std::string& out,
                 const std::string& source) {
  read<std::string>(table, key, out, source);
}

const toml::table* sub_table(const toml::table& table, const char* key, const std::string& source) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (!node->is_table()) {
    throw InputError(
        fmt::format("{}: '{}' must be a table ([{}])", where(source, *node), key, key));
  }
  return node->as_table();
}

void check(const SiteConfig& config, const std::string& source) {
  if (config.base_url.empty()) {
    throw InputError(source +
                     ": base_url is required, e.g. base_url = \"https://archiv.example.org/\"");
  }
  if (config.base_url.rfind("http://", 0) != 0 && config.base_url.rfind("https://", 0) != 0) {
    throw InputError(source + ": base_url must be an absolute http(s) URL");
  }
  if (!config.language.empty() && archive_language(config.language) != config.language) {
    throw InputError(
        fmt::format("{}: language \"{}\" is not available ({}); leave it out to take the export's",
                    source, config.language, fmt::join(kLanguages, ", ")));
  }
  if (config.per_page < 1 || config.per_page > 10000) {
    throw InputError(source + ": per_page must be between 1 and 10000");
  }
  if (!config.cookie_notice.privacy_markdown.empty() && !config.cookie_notice.privacy_url.empty() &&
      config.cookie_notice.privacy_url.rfind('/', 0) != 0) {
    throw InputError(
        fmt::format("{}: cookie_notice.privacy_url must be a path in the archive such as "
                    "\"/datenschutzerklaerung/\" when privacy_markdown is set (it is \"{}\")",
                    source, config.cookie_notice.privacy_url));
  }
}

}  // namespace

SiteConfig parse_config(std::string_view text, const std::string& source_name,
                        const std::filesystem::path& base_dir) {
  toml::table table;
  try {
    table = toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw InputError(
        fmt::format("{}:{}:{}: {}", source_name, begin.line, begin.column, error.description()));
  }
  reject_unknown_keys(
      table,
      {"title", "description", "intro", "language", "base_url", "per_page", "theme_dir",
       "wayback_links", "notice", "cookie_notice", "privacy", "search", "redirects"},
      "", source_name);
  SiteConfig config;
  read_string(table, "title", config.title, source_name);
  read_string(table, "description", config.description, source_name);
  read_string(table, "intro", config.intro, source_name);
  read_string(table, "language", config.language, source_name);
  read_string(table, "base_url", config.base_url, source_name);
  std::int64_t per_page = config.per_page;
  read<std::int64_t>(table, "per_page", per_page, source_name);
  config.per_page = static_cast<int>(std::clamp<std::int64_t>(per_page, -1, 100000));
  std::string theme_dir;
  read_string(table, "theme_dir", theme_dir, source_name);
  if (!theme_dir.empty()) {
    config.theme_dir = base_dir / theme_dir;
  }
  std::string wayback = "off";
  read_string(table, "wayback_links", wayback, source_name);
  if (wayback == "off" || wayback == "beside" || wayback == "replace") {
    config.wayback_links = wayback == "off"      ? SiteConfig::Wayback::Off
                           : wayback == "beside" ? SiteConfig::Wayback::Beside
                                                 : SiteConfig::Wayback::Replace;
  } else {
    throw InputError(
        fmt::format("{}: wayback_links is \"{}\"; use \"off\" (the default), \"beside\" (an "
                    "archived-copy link after each external link) or \"replace\"",
                    where(source_name, *table.get("wayback_links")), wayback));
  }
  if (const auto* redirects = sub_table(table, "redirects", source_name)) {
    reject_unknown_keys(*redirects, {"pages"}, "redirects.", source_name);
    read<bool>(*redirects, "pages", config.redirect_pages, source_name);
  }
  if (const auto* notice = sub_table(table, "notice", source_name)) {
    reject_unknown_keys(*notice, {"text", "link_url", "link_text"}, "notice.", source_name);
    read_string(*notice, "text", config.notice.text, source_name);
    read_string(*notice, "link_url", config.notice.link_url, source_name);
    read_string(*notice, "link_text", config.notice.link_text, source_name);
  }
  if (const auto* cookie = sub_table(table, "cookie_notice", source_name)) {
    reject_unknown_keys(*cookie, {"enabled", "text", "privacy_url", "privacy_markdown"},
                        "cookie_notice.", source_name);
    read<bool>(*cookie, "enabled", config.cookie_notice.enabled, source_name);
    read_string(*cookie, "text", config.cookie_notice.text, source_name);
    read_string(*cookie, "privacy_url", config.cookie_notice.privacy_url, source_name);
    std::string markdown;
    read_string(*cookie, "privacy_markdown", markdown, source_name);
    if (!markdown.empty()) {
      config.cookie_notice.privacy_markdown = base_dir / markdown;
    }
  }
  if (const auto* search = sub_table(table, "search", source_name)) {
    reject_unknown_keys(*search, {"enabled", "comments"}, "search.", source_name);
    read<bool>(*search, "enabled", config.search.enabled, source_name);
    read<bool>(*search, "comments", config.search.comments, source_name);
  }
  if (const auto* privacy = sub_table(table, "privacy", source_name)) {
    reject_unknown_keys(*privacy, {"remote_images", "embeds", "contact_details"}, "privacy.",
                        source_name);
    read<bool>(*privacy, "remote_images", config.privacy.remote_images, source_name);
    std::string embeds = "placeholder";
    read_string(*privacy, "embeds", embeds, source_name);
    if (embeds != "placeholder" && embeds != "two-click") {
      throw InputError(
          fmt::format("{}: privacy.embeds is \"{}\"; use \"placeholder\" (the default) or "
                      "\"two-click\"",
                      where(source_name, *privacy->get("embeds")), embeds));
    }
    config.privacy.two_click_embeds = embeds == "two-click";
    std::string contacts = "mask";
    read_string(*privacy, "contact_details", contacts, source_name);
    if (contacts != "mask" && contacts != "keep") {
      throw InputError(fmt::format(
          "{}: privacy.contact_details is \"{}\"; use \"mask\" (the default) or \"keep\"",
          where(source_name, *privacy->get("contact_details")), contacts));
    }
    config.privacy.mask_contact_details = contacts == "mask";
  }
  if (!config.base_url.empty() && config.base_url.back() != '/') {
    config.base_url += '/';
  }
  check(config, source_name);
  return config;
}

std::string archive_language(std::string_view tag) {
  const std::string code = core::to_lower_ascii(tag.substr(0, tag.find_first_of("-_")));
  const bool known = std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
  return known ? code : std::string();
}

SiteConfig with_export_language(SiteConfig config, std::string_view export_language,
                                core::Diagnostics& diagnostics, std::string_view text_language) {
  if (config.language.empty() && !text_language.empty() &&
      archive_language(text_language) != archive_language(export_language)) {
    // WordPress wrote its default "en" into exports of blogs in every language.
    config.language = archive_language(text_language);
    diagnostics.warn(
        "archive.toml",
        fmt::format(
            "the export declares the language \"{}\" but its text is in \"{}\"; the archive is in "
            "\"{}\"; set language to choose",
            export_language, text_language, config.language.empty() ? "en" : config.language));
  }
  if (config.language.empty()) {
    config.language = archive_language(export_language);
    if (config.language.empty()) {
      config.language = "en";
      diagnostics.warn(
          "archive.toml",
          export_language.empty()
              ? "the export names no language and the config none; the archive is in English"
              : fmt::format("the export's language \"{}\" has no texts in blogarchive ({}); "
                            "the archive is in English; set language to choose",
                            export_language, fmt::join(kLanguages, ", ")));
    }
  }
  // The privacy policy's path in the archive's language, where the old blog likely had it.
  static const std::map<std::string, std::string, std::less<>> kPrivacyPaths{
      {"de", "/datenschutzerklaerung/"},
      {"en", "/privacy-policy/"},
      {"fr", "/politique-de-confidentialite/"},
      {"es", "/politica-de-privacidad/"},
      {"it", "/informativa-sulla-privacy/"},
      {"nl", "/privacyverklaring/"},
      {"pt", "/politica-de-privacidade/"},
      {"pl", "/polityka-prywatnosci/"},
      {"sv", "/integritetspolicy/"},
      {"da", "/privatlivspolitik/"}};
  if (!config.cookie_notice.privacy_markdown.empty() && config.cookie_notice.privacy_url.empty()) {
    config.cookie_notice.privacy_url = kPrivacyPaths.find(config.language)->second;
  }
  return config;
}

SiteConfig load_config(const std::filesystem::path& path) {
  const auto text = core::read_file(path);
  if (!text) {
    throw InputError(fmt::format("cannot read the config file '{}'", path.string()));
  }
  return parse_config(*text, path.filename().string(), path.parent_path());
}

}  // namespace blogarchive::site
