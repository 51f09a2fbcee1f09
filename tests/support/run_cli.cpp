#include "run_cli.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "test_paths.hpp"

namespace blogarchive::testing {

CliRun run_cli(const std::string& arguments) {
  const std::string command = "'" + cli_path().string() + "' " + arguments + " 2>&1";
  CliRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return run;
  }
  std::array<char, 4096> buffer{};
  while (const std::size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    run.output.append(buffer.data(), read);
  }
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace blogarchive::testing
