#pragma once
// The errors a command can stop with. what() is shown to users verbatim; causes are
// attached with std::throw_with_nested and printed as a chain by the CLI.
#include <stdexcept>

namespace blogarchive {

/// A failure that stops the current command.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The export, config, theme or flags are unusable as given; the user must fix them.
class InputError : public Error {
 public:
  using Error::Error;
};

/// The SQLite store cannot be opened, read or written.
class StoreError : public Error {
 public:
  using Error::Error;
};

/// The site cannot be written (disk full, permissions, a path that is not a directory).
class OutputError : public Error {
 public:
  using Error::Error;
};

/// The preview server cannot start or serve.
class NetworkError : public Error {
 public:
  using Error::Error;
};

}  // namespace blogarchive
