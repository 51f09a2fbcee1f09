#pragma once
// Work spread over the build threads: chunks of a range, or two independent parts.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace blogarchive::core {

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

/// Runs `first` and `second` at the same time, `first` on a new thread, and returns once
/// both have finished; with one job, one after the other. For the serial stretches of a
/// build made of two independent parts. The first exception (`first`'s when both throw)
/// is rethrown once both have finished, so neither outlives what it refers to.
template <typename First, typename Second>
void side_by_side(int jobs, First&& first, Second&& second) {
  if (jobs <= 1) {
    first();
    second();
    return;
  }
  std::exception_ptr first_failure;
  std::thread thread([&] {
    try {
      first();
    } catch (...) {
      first_failure = std::current_exception();
    }
  });
  std::exception_ptr second_failure;
  try {
    second();
  } catch (...) {
    second_failure = std::current_exception();
  }
  thread.join();
  if (first_failure) {
    std::rethrow_exception(first_failure);
  }
  if (second_failure) {
    std::rethrow_exception(second_failure);
  }
}

}  // namespace blogarchive::core
