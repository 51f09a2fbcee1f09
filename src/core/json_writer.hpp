#pragma once
// JSON written as it goes, for the files the archive publishes (search manifest,
// WACZ metadata, JSON-LD) and the CLI's --json output: commas, quoting and escaping in
// one place instead of in format strings. Strings are escaped by core::json_string, so
// the result is safe inside <script>.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::core {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  /// The next member's name, inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  /// A number as written ("0.25"), for values whose text form is fixed elsewhere.
  JsonWriter& number_text(std::string_view number);
  /// `name` and a string value in one call.
  JsonWriter& member(std::string_view name, std::string_view text) { return key(name).value(text); }

  /// The text so far; a complete value once every object and array is closed.
  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string out_;
  std::vector<bool> has_items_;  ///< per open object or array: whether a comma is due
  bool after_key_ = false;
};

}  // namespace blogarchive::core
