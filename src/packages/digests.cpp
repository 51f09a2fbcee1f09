#include "packages/digests.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>

namespace blogarchive::packages {
namespace {

template <std::size_t N>
std::array<unsigned char, N> digest(const EVP_MD* algorithm, std::string_view bytes) {
  std::array<unsigned char, N> out{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), out.data(), &length, algorithm, nullptr);
  return out;
}

}  // namespace

std::string warc_sha1(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const auto hash = digest<20>(EVP_sha1(), bytes);
  std::string out = "sha1:";
  // 160 bits are exactly 32 base32 digits of 5 bits: no padding.
  for (std::size_t bit = 0; bit < 160; bit += 5) {
    const std::size_t byte = bit / 8;
    const unsigned pair =
        (unsigned{hash[byte]} << 8) | (byte + 1 < hash.size() ? hash[byte + 1] : 0u);
    out += kAlphabet[(pair >> (11 - bit % 8)) & 0x1F];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  std::string out;
  for (const unsigned char c : digest<32>(EVP_sha256(), bytes)) {
    out += fmt::format("{:02x}", c);
  }
  return out;
}

std::string uuid_for(std::string_view name) {
  auto hash = digest<20>(EVP_sha1(), name);
  hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x50);
  hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);
  std::string hex;
  for (std::size_t i = 0; i < 16; ++i) {
    hex += fmt::format("{:02x}", hash[i]);
  }
  return fmt::format("{}-{}-{}-{}-{}", hex.substr(0, 8), hex.substr(8, 4), hex.substr(12, 4),
                     hex.substr(16, 4), hex.substr(20));
}

}  // namespace blogarchive::packages
