#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace blogarchive::site {

/// archive.toml. Every key is optional except base_url; unknown keys are an error.
struct SiteConfig {
  std::string title;        ///< empty: the export's blog title
  std::string description;  ///< empty: the export's description
  std::string intro;        ///< overview intro; empty: the catalog's text with the years
  /// One of kLanguages; empty in the file: the export's language (with_export_language).
  std::string language;
  std::string base_url;  ///< absolute, ends with '/'
  int per_page = 50;
  std::filesystem::path theme_dir;  ///< overrides of the built-in templates
  /// External links in posts get a link to the Wayback Machine's copy from the post's
  /// date: beside the link, or instead of it (for blogs whose links are mostly dead).
  enum class Wayback { Off, Beside, Replace };
  Wayback wayback_links = Wayback::Off;
  /// Static HTML redirect pages (meta refresh) at old page paths, for hosts that read
  /// neither `_redirects` nor `.htaccess` ([redirects] pages).
  bool redirect_pages = true;

  struct Notice {
    std::string text;  ///< empty: the catalog's default
    std::string link_url;
    std::string link_text;
  } notice;

  struct CookieNotice {
    bool enabled = true;
    std::string text;
    std::string privacy_url;
    /// A Markdown file with the privacy policy, published at privacy_url (default
    /// /datenschutzerklaerung/ or /privacy-policy/); it replaces a page of the export
    /// with that path, whose text is usually years out of date.
    std::filesystem::path privacy_markdown;
  } cookie_notice;

  /// What pages may load from other hosts. The default is nothing at all.
  struct Privacy {
    /// Show images hot-linked from other hosts; off: they become links to the image.
    bool remote_images = false;
    /// Embeds become placeholders; two-click adds a button that loads the player of
    /// YouTube, Vimeo, SoundCloud or Google Maps after the reader asks for it.
    bool two_click_embeds = false;
    /// E-mail addresses and phone numbers readers typed into comments are masked
    /// ("mask", the default); "keep" publishes comments as they were.
    bool mask_contact_details = true;
  } privacy;

  /// The archive's own search (search/ in the output, a search page and a box on
  /// every page).
  struct Search {
    bool enabled = true;
    /// Index approved comments with their article (off: only what the author wrote).
    bool comments = false;
  } search;
  /// base_url without its trailing slash, for absolute URLs: base + "/path/".
  std::string base() const { return base_url.substr(0, base_url.size() - 1); }
};

/// The languages the archive's texts, dates and search are written for.
inline constexpr std::array<std::string_view, 10> kLanguages{"de", "en", "fr", "es", "it",
                                                             "nl", "pt", "pl", "sv", "da"};

/// The archive language for a language tag as exports write it ("fr-FR", "pt_BR",
/// "de") or "" when the archive has no texts for it.
std::string archive_language(std::string_view tag);

/// The config with its language settled: as configured, else the export's when the
/// archive has texts for it, else English (with a warning). Also the defaults that
/// depend on it (the privacy page's path).
/// `text_language`: the language the published text reads as (search::LanguageGuesser,
/// at import), which wins over a declared one it contradicts.
SiteConfig with_export_language(SiteConfig config, std::string_view export_language,
                                core::Diagnostics& diagnostics,
                                std::string_view text_language = {});

/// Reads and checks the config; InputError with file, line and column on any problem.
SiteConfig load_config(const std::filesystem::path& path);

/// The same from text (tests); `source_name` appears in messages.
SiteConfig parse_config(std::string_view text, const std::string& source_name,
                        const std::filesystem::path& base_dir = {});

}  // namespace blogarchive::site
