#pragma once
// The number of fields of an aggregate, found at compile time: a cache key written
// field by field asserts it, so that a field added later cannot be left out of the
// key unnoticed (the build stops at the assertion instead of serving stale pages).
#include <cstddef>

namespace blogarchive::core {
namespace detail {

// Converts to anything: one stands for any field in an aggregate initializer.
struct AnyField {
  template <typename T>
  operator T() const;  // never defined: only asked about in unevaluated contexts
};

template <typename T, typename... Fields>
consteval std::size_t count_fields() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; }) {
    return count_fields<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

}  // namespace detail

/// How many fields the aggregate T has (no base classes, no arrays among them).
template <typename T>
inline constexpr std::size_t field_count = detail::count_fields<T>();

}  // namespace blogarchive::core
