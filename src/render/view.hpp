#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/content_hash.hpp"

namespace blogarchive::render {

/// The values one template sees: an object of named text, flags, lists and nested
/// objects. The renderer builds views, hashes them into a document's key and only then
/// hands them to the template engine, so nothing a template shows can be left out of
/// the key by accident.
class View {
 public:
  enum class Kind { Object, Text, Flag, List };
  using Field = std::pair<std::string, View>;

  View() = default;  ///< an empty object
  View(std::string text)
      : kind_(Kind::Text), text_(std::move(text)) {}   // NOLINT: views read like data
  View(const char* text) : View(std::string(text)) {}  // NOLINT
  View(bool flag) : kind_(Kind::Flag), flag_(flag) {}  // NOLINT
  static View object(std::initializer_list<Field> fields);
  static View list(std::vector<View> items);
  /// `text`, or false (a section that does not show) when it is empty.
  static View text_or_false(std::string text);

  /// Adds a field to an object (views are built once, so names are not checked for repeats).
  View& set(std::string name, View value);

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool flag() const { return flag_; }
  const std::vector<View>& items() const { return items_; }
  const std::vector<Field>& fields() const { return fields_; }
  bool empty_list() const { return kind_ == Kind::List && items_.empty(); }

  /// Adds the view to `hash`: its kinds, names and values in order, with their lengths.
  void hash_into(core::ContentHash& hash) const;

 private:
  Kind kind_ = Kind::Object;
  std::string text_;
  bool flag_ = false;
  std::vector<View> items_;
  std::vector<Field> fields_;
};

}  // namespace blogarchive::render
