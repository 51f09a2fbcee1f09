#include "core/content_hash.hpp"

#include <xxhash.h>

#include <fstream>
#include <new>
#include <vector>

namespace blogarchive::core {
namespace {

XXH3_state_t* state(void* opaque) {
  return static_cast<XXH3_state_t*>(opaque);
}

}  // namespace

ContentHash::ContentHash() : state_(XXH3_createState()) {
  if (state_ == nullptr) {
    throw std::bad_alloc();
  }
  XXH3_64bits_reset(state(state_));
}

ContentHash::~ContentHash() {
  XXH3_freeState(state(state_));
}

ContentHash& ContentHash::add(std::string_view field) {
  // The length first, so that moving bytes from one field to the next changes the hash.
  add(static_cast<std::int64_t>(field.size()));
  XXH3_64bits_update(state(state_), field.data(), field.size());
  return *this;
}

ContentHash& ContentHash::add(std::int64_t number) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) {  // little-endian on every machine
    bytes[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(number) >> (8 * i));
  }
  XXH3_64bits_update(state(state_), bytes, sizeof bytes);
  return *this;
}

std::uint64_t ContentHash::digest() const {
  return XXH3_64bits_digest(state(state_));
}

std::uint64_t program_fingerprint() {
  static const std::uint64_t fingerprint = [] {
    ContentHash hash;
    std::ifstream program("/proc/self/exe", std::ios::binary);
    std::vector<char> chunk(1 << 20);
    while (program) {
      program.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      hash.add(std::string_view(chunk.data(), static_cast<std::size_t>(program.gcount())));
    }
    return hash.digest();
  }();
  return fingerprint;
}

}  // namespace blogarchive::core
