#pragma once
// Many long-lived strings made by several threads, packed into large blocks of their
// own instead of one heap block each.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/string_arena.hpp"

namespace blogarchive::core {

/// A fixed number of strings, set once each (from any thread) and then read. Why not
/// a std::vector<std::string>: a build makes one listing entry per article while it
/// renders the articles, and those small blocks, each kept to the end between the
/// short-lived blocks of rendering, scatter through the threads' heaps, which then
/// cannot give their free memory back; a StringArena keeps them out of those heaps.
class PackedStrings {
 public:
  explicit PackedStrings(std::size_t count = 0)
      : mutex_(std::make_unique<std::mutex>()), views_(count) {}

  /// Copies `text` in as string `index`; thread-safe. Setting an index twice keeps
  /// the first copy's bytes until the whole set goes.
  void set(std::size_t index, std::string_view text);
  /// String `index`; empty when never set. Valid while this set lives.
  std::string_view operator[](std::size_t index) const { return views_.at(index); }
  std::size_t size() const { return views_.size(); }

 private:
  std::unique_ptr<std::mutex> mutex_;  ///< a pointer, so that a set can be returned
  StringArena arena_;
  std::vector<std::string_view> views_;
};

}  // namespace blogarchive::core
