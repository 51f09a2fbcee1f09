#pragma once
// Two independent parts of a serial stretch of work, run at the same time.
#include <exception>
#include <thread>

namespace blogarchive::core {

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
