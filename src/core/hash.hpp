#pragma once
#include <cstdint>
#include <string_view>

namespace blogarchive::core {

/// FNV-1a, 64 bit: a stable hash for ids derived from content (the same on every
/// machine and run, unlike std::hash).
constexpr std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace blogarchive::core
