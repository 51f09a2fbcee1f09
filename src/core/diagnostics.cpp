#include "core/diagnostics.hpp"

namespace blogarchive::core {

void Diagnostics::warn(std::string location, std::string message) {
  warnings_.push_back({std::move(location), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  warnings_.insert(warnings_.end(), other.warnings_.begin(), other.warnings_.end());
}

}  // namespace blogarchive::core
