#pragma once

#include <memory>
#include <string_view>

namespace blogarchive::core {

/// Compares names as readers of a language sort them (ICU's collation for that
/// locale): "Äpfel" beside "Apfel", "eau" before "Église", case after letters. Byte
/// order would put every capital first and every umlaut after "z".
class Collation {
 public:
  explicit Collation(std::string_view language);
  ~Collation();
  Collation(const Collation&) = delete;
  Collation& operator=(const Collation&) = delete;

  /// Whether `a` sorts before `b`; names that compare equal are ordered by their bytes,
  /// so that the order is total and the same on every machine.
  bool less(std::string_view a, std::string_view b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace blogarchive::core
