#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace blogarchive::core {
namespace {

TEST(ParallelChunks, HandsOutEveryIndexOnceAcrossTheThreads) {
  std::vector<int> seen(1000, 0);
  std::vector<int> workers(1000, -1);
  parallel_chunks(seen.size(), 3, 7, [&](int worker, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      ++seen[i];
      workers[i] = worker;
    }
  });
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 1000);
  EXPECT_TRUE(std::all_of(workers.begin(), workers.end(), [](int w) { return w >= 0 && w < 3; }));
}

TEST(ParallelChunks, StopsHandingOutAndRethrowsTheFirstFailure) {
  std::atomic<int> chunks{0};
  EXPECT_THROW(parallel_chunks(100, 2, 1,
                               [&](int, std::size_t begin, std::size_t) {
                                 ++chunks;
                                 if (begin == 3) {
                                   throw std::runtime_error("chunk 3");
                                 }
                                 std::this_thread::sleep_for(std::chrono::milliseconds(2));
                               }),
               std::runtime_error);
  EXPECT_LT(chunks.load(), 100);
}

TEST(SideBySide, RunsBothPartsOnTwoThreads) {
  std::thread::id first_thread;
  std::thread::id second_thread;
  side_by_side(
      2, [&] { first_thread = std::this_thread::get_id(); },
      [&] { second_thread = std::this_thread::get_id(); });
  EXPECT_NE(first_thread, std::thread::id());
  EXPECT_EQ(second_thread, std::this_thread::get_id());
  EXPECT_NE(first_thread, second_thread);
}

TEST(SideBySide, RunsThemInOrderOnOneThreadWithOneJob) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::string> ran;
  side_by_side(
      1,
      [&] {
        ran.push_back("first");
        EXPECT_EQ(std::this_thread::get_id(), caller);
      },
      [&] { ran.push_back("second"); });
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
}

TEST(SideBySide, WaitsForTheOtherPartBeforeRethrowing) {
  bool second_finished = false;
  EXPECT_THROW(side_by_side(
                   2, [] { throw std::runtime_error("first failed"); },
                   [&] {
                     std::this_thread::sleep_for(std::chrono::milliseconds(20));
                     second_finished = true;
                   }),
               std::runtime_error);
  EXPECT_TRUE(second_finished);
}

TEST(SideBySide, RethrowsTheFirstPartsErrorWhenBothFail) {
  try {
    side_by_side(
        2, [] { throw std::runtime_error("first"); }, [] { throw std::logic_error("second"); });
    FAIL() << "nothing was thrown";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "first");
  }
}

}  // namespace
}  // namespace blogarchive::core
