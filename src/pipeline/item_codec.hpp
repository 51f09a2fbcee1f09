#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/views.hpp"

namespace blogarchive::pipeline {

/// A rendered item plus the warnings rendering it gave, so that a build that takes it
/// from the render cache reports exactly what a fresh render would.
struct RenderedEntry {
  render::RenderedItem item;
  std::vector<std::string> warnings;
};

/// A compact text encoding of a RenderedEntry for the render cache: length-prefixed
/// fields ("12:some bytes.."), comment trees depth first.
std::string encode_entry(const RenderedEntry& entry);

/// The entry back; nullopt when `bytes` is not a valid encoding (the cache is then
/// ignored for this item and it is rendered again).
std::optional<RenderedEntry> decode_entry(std::string_view bytes);

}  // namespace blogarchive::pipeline
