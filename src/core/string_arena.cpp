#include "core/string_arena.hpp"

#include <algorithm>
#include <cstring>

namespace blogarchive::core {

std::string_view StringArena::copy(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  if (blocks_.empty() || text.size() > capacity_ - used_) {  // empty: new or moved from
    // A string longer than a block gets a block of its own size. Blocks are made
    // without being written, so the pages of a block's unused end are never touched.
    capacity_ = std::max(kBlockSize, text.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, text.data(), text.size());
  used_ += text.size();
  return {at, text.size()};
}

}  // namespace blogarchive::core
