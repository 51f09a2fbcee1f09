#pragma once
#include <string>
#include <vector>

namespace blogarchive::core {

/// One problem with one input item that did not stop the command.
struct Diagnostic {
  std::string location;  ///< e.g. "blog.xml:412 (post 17 \"Hallo\")"
  std::string message;   ///< what is wrong and what was done about it
};

/// Collects per-item warnings during a command so they can be reported at the end.
/// Not thread-safe: each worker collects its own and they are merged in order.
class Diagnostics {
 public:
  void warn(std::string location, std::string message);
  void append(const Diagnostics& other);
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  bool empty() const { return warnings_.empty(); }

 private:
  std::vector<Diagnostic> warnings_;
};

}  // namespace blogarchive::core
