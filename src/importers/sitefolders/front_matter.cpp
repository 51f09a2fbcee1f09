#include "importers/sitefolders/front_matter.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include "blogarchive/error.hpp"
#include "core/text.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

const Value* child(const Value& value, std::string_view key) {
  if (value.kind != Value::Kind::Map) {
    return nullptr;
  }
  const auto it = value.fields.find(core::to_lower_ascii(key));
  return it == value.fields.end() ? nullptr : &it->second;
}

Value from_yaml(const YAML::Node& node) {
  Value value;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      value.kind = Value::Kind::Scalar;
      value.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      value.kind = Value::Kind::List;
      for (const auto& item : node) {
        value.items.push_back(from_yaml(item));
      }
      break;
    case YAML::NodeType::Map:
      value.kind = Value::Kind::Map;
      for (const auto& entry : node) {
        value.fields.insert_or_assign(core::to_lower_ascii(entry.first.Scalar()),
                                      from_yaml(entry.second));
      }
      break;
    default:
      break;
  }
  return value;
}

std::string toml_date(const toml::date& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string toml_time(const toml::time& time) {
  return fmt::format("{:02}:{:02}:{:02}", time.hour, time.minute, time.second);
}

Value from_toml(const toml::node& node) {
  Value value;
  value.kind = Value::Kind::Scalar;
  if (const auto* table = node.as_table()) {
    value.kind = Value::Kind::Map;
    for (const auto& [key, item] : *table) {
      value.fields.insert_or_assign(core::to_lower_ascii(key.str()), from_toml(item));
    }
  } else if (const auto* array = node.as_array()) {
    value.kind = Value::Kind::List;
    for (const auto& item : *array) {
      value.items.push_back(from_toml(item));
    }
  } else if (const auto* text = node.as_string()) {
    value.scalar = text->get();
  } else if (const auto* integer = node.as_integer()) {
    value.scalar = std::to_string(integer->get());
  } else if (const auto* real = node.as_floating_point()) {
    value.scalar = fmt::format("{}", real->get());
  } else if (const auto* boolean = node.as_boolean()) {
    value.scalar = boolean->get() ? "true" : "false";
  } else if (const auto* date = node.as_date()) {
    value.scalar = toml_date(date->get());
  } else if (const auto* date_time = node.as_date_time()) {
    const toml::date_time& stamp = date_time->get();
    value.scalar = toml_date(stamp.date) + "T" + toml_time(stamp.time);
    if (stamp.offset) {
      const int minutes = stamp.offset->minutes;
      value.scalar += fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                                  std::abs(minutes) % 60);
    }
  } else if (const auto* time = node.as_time()) {
    value.scalar = toml_time(time->get());
  }
  return value;
}

bool is_fence(std::string_view line, std::string_view fence) {
  return line.substr(0, fence.size()) == fence &&
         line.substr(fence.size()).find_first_not_of(" \t") == std::string_view::npos;
}

// The line ending at `end` (exclusive) starting at `start`.
std::string_view line_at(const std::string& text, std::size_t start) {
  const std::size_t end = text.find('\n', start);
  return std::string_view(text).substr(start,
                                       end == std::string::npos ? std::string::npos : end - start);
}

struct Block {
  std::string front_matter;
  std::size_t body_start = 0;
};

// Finds the closing fence after the first line; nullopt when there is none (then the
// whole file is body, as Jekyll reads it).
std::optional<Block> fenced_block(const std::string& text, std::string_view open,
                                  std::string_view close, std::string_view alternative_close) {
  if (!is_fence(line_at(text, 0), open)) {
    return std::nullopt;
  }
  std::size_t line_start = text.find('\n');
  const std::size_t content_start = line_start == std::string::npos ? text.size() : line_start + 1;
  for (line_start = content_start; line_start <= text.size();) {
    const std::string_view line = line_at(text, line_start);
    if (is_fence(line, close) ||
        (!alternative_close.empty() && is_fence(line, alternative_close))) {
      const std::size_t after = line_start + line.size();
      return Block{text.substr(content_start, line_start - content_start),
                   after < text.size() ? after + 1 : text.size()};
    }
    if (line_start + line.size() >= text.size()) {
      break;
    }
    line_start += line.size() + 1;
  }
  return std::nullopt;
}

}  // namespace

const Value* FrontMatter::find(std::string_view key) const {
  const Value* value = &root_;
  for (const auto part : core::split(key, '.')) {
    value = child(*value, part);
    if (!value) {
      return nullptr;
    }
  }
  return value;
}

std::string FrontMatter::text(std::string_view key) const {
  const Value* value = find(key);
  return value && value->kind == Value::Kind::Scalar ? value->scalar : std::string();
}

std::string FrontMatter::first_text(std::initializer_list<std::string_view> keys) const {
  for (const auto key : keys) {
    if (std::string value = text(key); !value.empty()) {
      return value;
    }
  }
  return {};
}

std::optional<bool> FrontMatter::flag(std::string_view key) const {
  const std::string word = core::to_lower_ascii(core::trim(text(key)));
  if (word == "true" || word == "yes" || word == "on") {
    return true;
  }
  if (word == "false" || word == "no" || word == "off") {
    return false;
  }
  return std::nullopt;
}

std::vector<std::string> FrontMatter::list(std::string_view key, bool split_words) const {
  std::vector<std::string> out;
  const Value* value = find(key);
  if (!value) {
    return out;
  }
  if (value->kind == Value::Kind::List) {
    for (const auto& item : value->items) {
      if (item.kind == Value::Kind::Scalar && !core::trim(item.scalar).empty()) {
        out.emplace_back(core::trim(item.scalar));
      }
    }
  } else if (value->kind == Value::Kind::Scalar) {
    if (!split_words) {
      out.emplace_back(core::trim(value->scalar));
    } else {
      const std::string words = core::collapse_whitespace(value->scalar);
      for (const auto word : core::split(words, ' ')) {
        out.emplace_back(word);
      }
    }
    std::erase_if(out, [](const std::string& item) { return item.empty(); });
  }
  return out;
}

std::string decode_text(std::string_view bytes, const std::string& where,
                        core::Diagnostics& diagnostics) {
  std::string text;
  const auto starts = [&](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    const bool little_endian = bytes[0] == '\xFF';
    const std::string_view units = bytes.substr(2);
    icu::UnicodeString decoded(units.data(), static_cast<int32_t>(units.size()),
                               little_endian ? "UTF-16LE" : "UTF-16BE");
    decoded.toUTF8String(text);
  } else {
    text = std::string(starts("\xEF\xBB\xBF") ? bytes.substr(3) : bytes);
    if (!core::is_valid_utf8(text)) {
      std::size_t repaired = 0;
      text = core::repair_windows_1252(text, repaired);
      diagnostics.warn(where,
                       fmt::format("{} byte(s) are not UTF-8; read as Windows-1252", repaired));
    }
  }
  std::string normalized;
  normalized.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else {
      normalized += text[i];
    }
  }
  return normalized;
}

FrontMatter parse_yaml(const std::string& text, const std::string& file_name, int first_line) {
  try {
    return FrontMatter(from_yaml(YAML::Load(text)));
  } catch (const YAML::Exception& error) {
    throw InputError(
        fmt::format("{}:{}:{}: the YAML front matter does not parse: {}; fix the YAML (quote "
                    "values that contain ': ' or start with a special character)",
                    file_name, error.mark.line + first_line, error.mark.column + 1, error.msg));
  }
}

FrontMatter parse_toml(const std::string& text, const std::string& file_name, int first_line) {
  try {
    return FrontMatter(from_toml(toml::parse(text, file_name)));
  } catch (const toml::parse_error& error) {
    throw InputError(fmt::format("{}:{}:{}: the TOML front matter does not parse: {}; fix the TOML",
                                 file_name, error.source().begin.line + first_line - 1,
                                 error.source().begin.column, error.description()));
  }
}

TextFile split_front_matter(const std::string& text, const std::string& file_name) {
  TextFile file;
  if (auto yaml = fenced_block(text, "---", "---", "...")) {
    file.has_front_matter = true;
    file.front_matter = parse_yaml(yaml->front_matter, file_name, 2);
    file.body = text.substr(yaml->body_start);
  } else if (auto toml_block = fenced_block(text, "+++", "+++", "")) {
    file.has_front_matter = true;
    file.front_matter = parse_toml(toml_block->front_matter, file_name, 2);
    file.body = text.substr(toml_block->body_start);
  } else if (auto json = fenced_block(text, "{", "}", "");
             json && text.front() == '{' &&
             line_at(text, 0).find_first_not_of("{ \t") == std::string_view::npos) {
    // Hugo's JSON front matter; YAML reads JSON objects.
    file.has_front_matter = true;
    file.front_matter = parse_yaml("{\n" + json->front_matter + "}", file_name, 1);
    file.body = text.substr(json->body_start);
  } else {
    file.body = text;
  }
  return file;
}

}  // namespace blogarchive::importers::sitefolders
