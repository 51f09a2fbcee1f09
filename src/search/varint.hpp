#pragma once
// LEB128 unsigned numbers, as the index files and the search cache's records write them.
#include <cstdint>
#include <string>
#include <string_view>

#include "blogarchive/error.hpp"

namespace blogarchive::search {

inline void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

/// Reads, at `at`, a number that put_varint wrote into a buffer this process built, and
/// moves `at` past it. No bounds check: for the hot loops over the index builder's own
/// buffers. Bytes from a file go through ByteReader.
inline std::uint32_t next_varint(const char*& at) {
  std::uint32_t value = 0;
  for (int shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*at++);
    value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return value;
    }
  }
}

/// Reads what put_varint and plain byte runs wrote; throws InputError when the bytes
/// end early or a number is too long.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto byte = static_cast<unsigned char>(take(1)[0]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) {
        return value;
      }
    }
    throw InputError("search index: a number is too long");
  }
  std::string_view take(std::size_t n) {
    if (n > bytes_.size() - at_) {
      throw InputError("search index: a shard ends early");
    }
    const auto part = bytes_.substr(at_, n);
    at_ += n;
    return part;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace blogarchive::search
