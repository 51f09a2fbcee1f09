#pragma once
#include <string>

namespace blogarchive::testing {

/// The result of running the blogarchive executable.
struct CliRun {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs `blogarchive <arguments>` through the shell.
CliRun run_cli(const std::string& arguments);

}  // namespace blogarchive::testing
