#pragma once
#include <cstdint>
#include <string_view>

namespace blogarchive::core {

/// Hashes a sequence of fields (XXH3, 64 bit) to tell whether content changed since it
/// was last rendered. Field boundaries count: ("ab", "c") and ("a", "bc") differ.
/// Stable across machines and runs, and fast enough for gigabytes of posts.
class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(const ContentHash&) = delete;
  ContentHash& operator=(const ContentHash&) = delete;

  ContentHash& add(std::string_view field);
  ContentHash& add(std::int64_t number);
  std::uint64_t digest() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

/// A hash of the running program's own file, computed once. Keys that include it are
/// invalidated by every new build of blogarchive, whatever changed in the code.
std::uint64_t program_fingerprint();

}  // namespace blogarchive::core
