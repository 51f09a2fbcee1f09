#pragma once
// Append-only storage for many small strings that live as long as their owner.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace blogarchive::core {

/// Copies strings into large blocks and hands out views that stay valid as long as the
/// arena. Why not one std::string each: millions of small heap blocks cost a header
/// each, and when they live long between short-lived ones they scatter through the
/// heap, which then cannot give its free memory back. Blocks of kBlockSize are above
/// the mmap threshold main sets, so they stay out of the heap and leave whole. Not
/// thread-safe: callers that share one lock around it.
class StringArena {
 public:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;

  /// A copy of `text` in the arena; an empty view for an empty text.
  std::string_view copy(std::string_view text);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;      ///< bytes used of the last block
  std::size_t capacity_ = 0;  ///< size of the last block
};

}  // namespace blogarchive::core
