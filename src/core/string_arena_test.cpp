#include "core/string_arena.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace blogarchive::core {
namespace {

TEST(StringArena, CopiesKeepTheirBytesWhenTheSourceGoes) {
  StringArena arena;
  std::string source = "Grüße aus der Südstadt";
  const std::string_view copy = arena.copy(source);
  source.assign(source.size(), '#');
  EXPECT_EQ(copy, "Grüße aus der Südstadt");
  EXPECT_NE(copy.data(), source.data());
  EXPECT_TRUE(arena.copy("").empty());
}

TEST(StringArena, KeepsStringsLongerThanABlockAndThoseAcrossBlockEnds) {
  // Strings that do not fit the rest of a block start a new one; one longer than a
  // block gets its own. Every earlier copy must stay where it was. Three strings of a
  // third of a block and one byte do not fit in one block.
  const std::string huge(StringArena::kBlockSize + 17, 'x');
  const std::string large(StringArena::kBlockSize / 3 + 1, 'y');
  StringArena arena;
  std::vector<std::string_view> copies;
  copies.push_back(arena.copy(large));
  copies.push_back(arena.copy(large));
  copies.push_back(arena.copy(large));  // does not fit behind the first two
  copies.push_back(arena.copy(huge));
  copies.push_back(arena.copy("klein"));
  copies.push_back(arena.copy(large));
  EXPECT_EQ(copies[0], large);
  EXPECT_EQ(copies[1], large);
  EXPECT_EQ(copies[2], large);
  EXPECT_EQ(copies[3], huge);
  EXPECT_EQ(copies[4], "klein");
  EXPECT_EQ(copies[5], large);
  EXPECT_EQ(copies[1].data(), copies[0].data() + large.size()) << "the first two share a block";
  EXPECT_NE(copies[2].data(), copies[1].data() + large.size()) << "the third starts a block";
}

TEST(StringArena, MovesWithTheViewsStillValid) {
  StringArena first;
  const std::string_view kept = first.copy("bleibt");
  StringArena moved = std::move(first);
  const std::string_view added = moved.copy("dazu");
  EXPECT_EQ(kept, "bleibt");
  EXPECT_EQ(added, "dazu");
  EXPECT_EQ(added.data(), kept.data() + kept.size()) << "the moved arena goes on in its block";
}

}  // namespace
}  // namespace blogarchive::core
