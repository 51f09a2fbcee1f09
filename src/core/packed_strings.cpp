#include "core/packed_strings.hpp"

namespace blogarchive::core {

void PackedStrings::set(std::size_t index, std::string_view text) {
  std::string_view& view = views_.at(index);
  const std::lock_guard lock(*mutex_);
  view = arena_.copy(text);
}

}  // namespace blogarchive::core
