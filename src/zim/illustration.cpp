#include "zim/illustration.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>

namespace blogarchive::zim {
namespace {

constexpr int kSize = 48;
using Rgb = std::array<std::uint8_t, 3>;

void put_u32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out += static_cast<char>((value >> shift) & 0xFF);
  }
}

// A PNG chunk: length, type, data, CRC-32 of type and data.
void chunk(std::string& png, const char* type, const std::string& data) {
  put_u32(png, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  png += typed;
  put_u32(png, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()),
                                                static_cast<uInt>(typed.size()))));
}

Rgb pixel(int x, int y) {
  constexpr Rgb kWood{0x8b, 0x5a, 0x2b};
  constexpr Rgb kPaper{0xf5, 0xee, 0xdc};
  constexpr Rgb kInk{0x5c, 0x3a, 0x1a};
  const bool left_page = x >= 7 && x <= 22 && y >= 11 && y <= 37;
  const bool right_page = x >= 25 && x <= 40 && y >= 11 && y <= 37;
  if (!left_page && !right_page) {
    return kWood;
  }
  // Lines of text: every fourth row, inset from the page edges.
  const int page_x = left_page ? x - 7 : x - 25;
  const bool line = (y - 15) % 4 == 0 && y >= 15 && y <= 34 && page_x >= 2 && page_x <= 13;
  return line ? kInk : kPaper;
}

}  // namespace

std::string default_illustration_png() {
  std::string raw;
  for (int y = 0; y < kSize; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < kSize; ++x) {
      for (const std::uint8_t channel : pixel(x, y)) {
        raw += static_cast<char>(channel);
      }
    }
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9);
  packed.resize(packed_size);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_u32(header, kSize);
  put_u32(header, kSize);
  header +=
      std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter set, no interlace
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", packed);
  chunk(png, "IEND", "");
  return png;
}

}  // namespace blogarchive::zim
