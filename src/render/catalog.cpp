#include "render/catalog.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include "blogarchive/error.hpp"
#include "core/text.hpp"

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
    throw InputError(
        fmt::format("i18n/{}.toml: date_style must be short, medium, long or full", language));
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

std::string Catalog::format(const std::string& key,
                            const std::map<std::string, std::string>& values) const {
  std::string text = get(key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

const std::string& Catalog::date(const core::DateTime& date) const {
  const int day = (date.year * 100 + date.month) * 100 + date.day;
  auto found = dates_.find(day);
  if (found == dates_.end()) {
    found = dates_.emplace(day, core::format_date(date, language_, date_style_)).first;
  }
  return found->second;
}

std::string Catalog::month_year(const core::DateTime& date) const {
  return core::format_date_pattern(date, language_, get("month_pattern"));
}

std::string Catalog::short_month(const core::DateTime& date) const {
  return core::format_date_pattern(date, language_, "LLL");
}

std::string localize_template(std::string_view text, const Catalog& catalog,
                              const std::string& template_name) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (std::size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", at)) {
    const bool raw = text.compare(open, 3, "{{{") == 0;
    const std::string_view close_tag = raw ? "}}}" : "}}";
    const std::size_t name_start = open + (raw ? 3 : 2);
    const std::size_t close = text.find(close_tag, name_start);
    if (close == std::string_view::npos) {
      break;  // mustache reports the unclosed tag when it compiles the template
    }
    const std::string_view name = core::trim(text.substr(name_start, close - name_start));
    if (name.rfind("t.", 0) != 0) {
      out.append(text.substr(at, close + close_tag.size() - at));
      at = close + close_tag.size();
      continue;
    }
    const std::string key(name.substr(2));
    if (catalog.all().count(key) == 0) {
      throw InputError(fmt::format("theme template {}: the message '{}' is not in i18n/{}.toml",
                                   template_name, key, catalog.language()));
    }
    out.append(text.substr(at, open - at));
    out += raw ? catalog.get(key) : core::escape_html(catalog.get(key));
    at = close + close_tag.size();
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace blogarchive::render
