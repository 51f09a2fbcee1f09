#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>

#include "blog/post.hpp"

namespace blogarchive::pipeline {

/// Hands records to another ImportSink on a thread of its own, so that parsing the
/// export and writing the store run at the same time (each takes about half of an
/// import). Records arrive at `next` in the order they were given. The queue is
/// bounded: a fast parser waits for the writer instead of filling memory.
class BackgroundSink : public blog::ImportSink {
 public:
  explicit BackgroundSink(blog::ImportSink& next);
  /// Without finish(): stops the writer and drops what is still queued.
  ~BackgroundSink() override;
  BackgroundSink(const BackgroundSink&) = delete;
  BackgroundSink& operator=(const BackgroundSink&) = delete;

  void site(const blog::SiteInfo& info) override { push(info); }
  void author(const blog::Author& author) override { push(author); }
  void term(const blog::Term& term) override { push(term); }
  void post(const blog::Post& post) override { push(post); }

  /// Waits until `next` has every record; rethrows what `next` threw.
  void finish();

 private:
  using Record = std::variant<blog::SiteInfo, blog::Author, blog::Term, blog::Post>;
  void push(Record record);
  void drain();

  blog::ImportSink& next_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Record> queue_;
  bool closed_ = false;
  bool stopped_ = false;  ///< the writer gave up (error) or was told to
  std::exception_ptr failure_;
  std::thread writer_;
};

}  // namespace blogarchive::pipeline
