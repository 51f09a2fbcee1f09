#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace blogarchive::pipeline {

/// A one-line progress display for long runs ("articles 41,200 / 100,000 · 20,480/s ·
/// 3 s left"), redrawn at most four times a second by whichever thread advances it.
/// Silent when not enabled (not a terminal, or --quiet).
class Progress {
 public:
  Progress(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  ~Progress() { finish(); }

  /// `total` 0: not known; then only the count and the rate are shown.
  void start(std::string label, std::size_t total);
  void advance(std::size_t done);
  /// Clears the line.
  void finish();

 private:
  void draw(std::size_t done);

  std::ostream& out_;
  const bool enabled_;
  std::mutex mutex_;
  std::string label_;
  std::size_t total_ = 0;
  std::atomic<std::size_t> done_{0};
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point drawn_;
  bool shown_ = false;
};

}  // namespace blogarchive::pipeline
