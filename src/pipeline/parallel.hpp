#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace blogarchive::pipeline {

/// How many threads a build uses when the user does not say: one per core.
inline int default_jobs() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

/// Calls work(worker, begin, end) for consecutive chunks of [0, count) on `jobs`
/// threads; `worker` (0 … jobs-1) lets each thread keep its own renderer and store
/// connection. Chunks are handed out in order as threads become free, so the work is
/// balanced, but what a chunk produces must not depend on which thread ran it: results
/// go into slots by index and are combined in index order afterwards, which keeps the
/// output the same whatever the number of threads. The first exception stops the
/// handing out of chunks and is rethrown once every thread has finished.
template <typename Work>
void parallel_chunks(std::size_t count, int jobs, std::size_t chunk, Work&& work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto run = [&](int worker) {
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= count) {
        return;
      }
      try {
        work(worker, begin, std::min(count, begin + chunk));
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) {
          failure = std::current_exception();
        }
        next = count;
        return;
      }
    }
  };
  const int threads =
      std::max(1, std::min<int>(jobs, static_cast<int>((count + chunk - 1) / chunk)));
  std::vector<std::thread> pool;
  for (int worker = 1; worker < threads; ++worker) {
    pool.emplace_back(run, worker);
  }
  run(0);
  for (auto& thread : pool) {
    thread.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

}  // namespace blogarchive::pipeline
