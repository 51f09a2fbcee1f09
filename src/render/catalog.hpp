#pragma once
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/dates.hpp"

namespace blogarchive::render {

/// The UI messages of one language (themes/default/i18n/<language>.toml), plus how
/// that language writes dates.
class Catalog {
 public:
  static Catalog parse(std::string_view toml_text, const std::string& language);

  /// The message; throws InputError naming a missing key.
  const std::string& get(const std::string& key) const;
  /// The message with {name} placeholders replaced.
  std::string format(const std::string& key,
                     const std::map<std::string, std::string>& values) const;
  const std::map<std::string, std::string>& all() const { return messages_; }

  /// "05.01.2010". Remembers what it formatted, so a Catalog must not be shared
  /// between threads (each PageRenderer has its own copy).
  const std::string& date(const core::DateTime& date) const;
  std::string month_year(const core::DateTime& date) const;  ///< "Januar 2010"
  std::string short_month(
      const core::DateTime& date) const;  ///< "Jan." (the locale's abbreviation, standing alone)
  const std::string& language() const { return language_; }

 private:
  std::string language_;
  std::map<std::string, std::string> messages_;
  core::DateStyle date_style_ = core::DateStyle::Long;
  mutable std::unordered_map<int, std::string> dates_;  ///< yyyymmdd → formatted
};

/// The template with every {{t.key}} replaced by the catalog's message, HTML-escaped
/// ({{{t.key}}}: as it is). Messages are constants of a build, so they are put in once
/// when the theme is loaded instead of being looked up for every page. InputError
/// naming `template_name` for a key the catalog does not have.
std::string localize_template(std::string_view text, const Catalog& catalog,
                              const std::string& template_name);

}  // namespace blogarchive::render
