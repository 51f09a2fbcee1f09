#include "core/packed_strings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace blogarchive::core {
namespace {

TEST(PackedStrings, GivesBackWhatWasSetByIndexAndEmptyForTheRest) {
  PackedStrings strings(4);
  strings.set(2, "<p>Grüße aus der Südstadt</p>");
  strings.set(0, "erster Eintrag");
  EXPECT_EQ(strings[0], "erster Eintrag");
  EXPECT_EQ(strings[1], "");
  EXPECT_EQ(strings[2], "<p>Grüße aus der Südstadt</p>");
  EXPECT_EQ(strings[3], "");
  strings.set(3, "");
  EXPECT_EQ(strings[3], "");
  EXPECT_THROW(strings.set(4, "too far"), std::out_of_range);
}

TEST(PackedStrings, TakesStringsFromSeveralThreadsAtOnce) {
  constexpr std::size_t kPerThread = 5000;
  constexpr std::size_t kThreads = 4;
  PackedStrings strings(kPerThread * kThreads);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&strings, t] {
      for (std::size_t i = t; i < kPerThread * kThreads; i += kThreads) {
        strings.set(i, "Eintrag " + std::to_string(i) + std::string(i % 300, '.'));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (std::size_t i = 0; i < strings.size(); ++i) {
    ASSERT_EQ(strings[i], "Eintrag " + std::to_string(i) + std::string(i % 300, '.')) << i;
  }
}

TEST(PackedStrings, MovesWithTheViewsStillValid) {
  PackedStrings first(2);
  first.set(0, "bleibt");
  PackedStrings moved = std::move(first);
  moved.set(1, "dazu");
  EXPECT_EQ(moved[0], "bleibt");
  EXPECT_EQ(moved[1], "dazu");
}

}  // namespace
}  // namespace blogarchive::core
