#include "core/content_hash.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {

TEST(ContentHash, IsStableAndSeesFieldBoundaries) {
  const auto hash = [](std::string_view a, std::string_view b) {
    return ContentHash().add(a).add(b).digest();
  };
  EXPECT_EQ(hash("Hobel", "bank"), hash("Hobel", "bank"));
  EXPECT_NE(hash("Hobel", "bank"), hash("Hobelb", "ank"));
  EXPECT_NE(hash("Hobel", "bank"), hash("Hobel", "Bank"));
  // XXH3 is specified: the value must not change between machines or versions.
  EXPECT_EQ(ContentHash().digest(), 0x2D06800538D394C2ull);
}

}  // namespace blogarchive::core
