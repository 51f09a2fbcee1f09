#include "core/side_by_side.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace blogarchive::core {
namespace {

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
