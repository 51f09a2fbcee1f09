#include "core/packed_strings.hpp"

#include <algorithm>
#include <cstring>

namespace blogarchive::core {

void PackedStrings::set(std::size_t index, std::string_view text) {
  if (text.empty()) {
    views_.at(index) = {};
    return;
  }
  const std::lock_guard lock(*mutex_);
  if (text.size() > capacity_ - used_) {
    // A string longer than a block gets a block of its own size.
    capacity_ = std::max(kBlockSize, text.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, text.data(), text.size());
  used_ += text.size();
  views_.at(index) = std::string_view(at, text.size());
}

}  // namespace blogarchive::core
