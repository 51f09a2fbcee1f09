#pragma once
// LEB128 unsigned numbers, as the index files and the search cache's records write them.
#include <cstdint>
#include <string>

namespace blogarchive::search {

inline void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

}  // namespace blogarchive::search
