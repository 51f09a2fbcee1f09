#include "run_cli.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "test_paths.hpp"

namespace blogarchive::testing {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

CliRun run_cli(const std::string& arguments) {
  return run_command(shell_quoted(cli_path()) + " " + arguments);
}

CliRun run_command(const std::string& shell_command) {
  const std::string command = shell_command + " 2>&1";
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

BuiltArchive import_and_build(const std::filesystem::path& dir,
                              const std::vector<std::filesystem::path>& inputs,
                              const std::string& config) {
  BuiltArchive archive;
  const std::string store = shell_quoted(dir / "blog.db");
  std::string paths;
  for (const auto& input : inputs) {
    paths += shell_quoted(input) + " ";
  }
  archive.import = run_cli("import " + paths + "--store " + store);
  if (archive.import.exit_code != 0) {
    return archive;
  }
  std::ofstream(dir / "archive.toml") << config;
  archive.build =
      run_cli("build --store " + store + " --config " + shell_quoted(dir / "archive.toml") +
              " --out " + shell_quoted(dir / "site"));
  if (archive.build.exit_code == 0) {
    archive.files = read_tree(dir / "site");
  }
  return archive;
}

}  // namespace blogarchive::testing
