#include "pipeline/background_sink.hpp"

#include <stdexcept>

namespace blogarchive::pipeline {
namespace {

// Enough to keep the writer busy while the parser reads the next items, few enough
// that a queue of 100 KB posts stays small.
constexpr std::size_t kQueueLimit = 64;

}  // namespace

BackgroundSink::BackgroundSink(blog::ImportSink& next)
    : next_(next), writer_([this] { drain(); }) {}

BackgroundSink::~BackgroundSink() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    stopped_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) {
    writer_.join();
  }
}

void BackgroundSink::push(Record record) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kQueueLimit || stopped_; });
  if (stopped_) {
    // The writer failed: stop the parser with the writer's error.
    std::rethrow_exception(
        failure_ ? failure_ : std::make_exception_ptr(std::runtime_error("import stopped")));
  }
  queue_.push_back(std::move(record));
  lock.unlock();
  changed_.notify_all();
}

void BackgroundSink::drain() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty() || closed_; });
    if (stopped_ || queue_.empty()) {
      return;
    }
    Record record = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    try {
      std::visit(
          [this](auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, blog::SiteInfo>) {
              next_.site(value);
            } else if constexpr (std::is_same_v<T, blog::Author>) {
              next_.author(value);
            } else if constexpr (std::is_same_v<T, blog::Term>) {
              next_.term(value);
            } else {
              next_.post(value);
            }
          },
          record);
    } catch (...) {
      const std::lock_guard failed(mutex_);
      failure_ = std::current_exception();
      stopped_ = true;
      changed_.notify_all();
      return;
    }
  }
}

void BackgroundSink::finish() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) {
    writer_.join();
  }
  if (failure_) {
    std::rethrow_exception(failure_);
  }
}

}  // namespace blogarchive::pipeline
