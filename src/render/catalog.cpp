#include "render/catalog.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include "blogarchive/error.hpp"

namespace blogarchive::render {

Catalog Catalog::parse(std::string_view toml_text, const std::string& language) {
  Catalog catalog;
  catalog.language_ = language;
  toml::table table;
  try {
    table = toml::parse(toml_text, "i18n/" + language + ".toml");
  } catch (const toml::parse_error& error) {
    throw InputError(fmt::format("i18n/{}.toml:{}:{}: {}", language, error.source().begin.line,
                                 error.source().begin.column, error.description()));
  }
  for (const auto& [key, value] : table) {
    if (auto text = value.value<std::string>()) {
      catalog.messages_[std::string(key.str())] = *text;
    }
  }
  const auto style = core::parse_date_style(catalog.get("date_style"));
  if (!style) {
    throw InputError(fmt::format("i18n/{}.toml: date_style must be short, medium, long or full", language));
  }
  catalog.date_style_ = *style;
  return catalog;
}

const std::string& Catalog::get(const std::string& key) const {
  const auto found = messages_.find(key);
  if (found == messages_.end()) {
    throw InputError(fmt::format("i18n/{}.toml has no message '{}'", language_, key));
  }
  return found->second;
}

std::string Catalog::format(const std::string& key, const std::map<std::string, std::string>& values) const {
  std::string text = get(key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

std::string Catalog::date(const core::DateTime& date) const {
  return core::format_date(date, language_, date_style_);
}

std::string Catalog::month_year(const core::DateTime& date) const {
  return core::format_date_pattern(date, language_, get("month_pattern"));
}

}  // namespace blogarchive::render
