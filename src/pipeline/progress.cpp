#include "pipeline/progress.hpp"

#include <fmt/format.h>

namespace blogarchive::pipeline {

void Progress::start(std::string label, std::size_t total) {
  const std::lock_guard lock(mutex_);
  label_ = std::move(label);
  total_ = total;
  done_ = 0;
  started_ = drawn_ = std::chrono::steady_clock::now();
}

void Progress::advance(std::size_t done) {
  const std::size_t now_done = done_ += done;
  if (!enabled_) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (lock.owns_lock() && now - drawn_ >= std::chrono::milliseconds(250)) {
    drawn_ = now;
    draw(now_done);
  }
}

void Progress::draw(std::size_t done) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  if (total_ == 0) {  // the total is not known in advance (items of an export)
    out_ << fmt::format("\r\x1b[K{} {} · {:.0f}/s", label_, done, rate) << std::flush;
  } else {
    const double left = rate > 0 ? static_cast<double>(total_ - std::min(done, total_)) / rate : 0;
    out_ << fmt::format("\r\x1b[K{} {} / {} · {:.0f}/s · {:.0f} s left", label_, done, total_, rate,
                        left)
         << std::flush;
  }
  shown_ = true;
}

void Progress::finish() {
  const std::lock_guard lock(mutex_);
  if (shown_) {
    out_ << "\r\x1b[K" << std::flush;
    shown_ = false;
  }
}

}  // namespace blogarchive::pipeline
