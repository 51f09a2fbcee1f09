#include "run_cli.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
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

namespace {

// Reads `fd` to its end.
std::string read_all(int fd) {
  std::string out;
  std::array<char, 4096> buffer{};
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return out;
    }
    out.append(buffer.data(), static_cast<std::size_t>(got));
  }
}

}  // namespace

Arguments operator+(Arguments arguments, const Arguments& more) {
  arguments.insert(arguments.end(), more.begin(), more.end());
  return arguments;
}

CliRun run_cli(const Arguments& arguments) {
  Arguments words{cli_path()};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);
  CliRun run;
  int output[2];
  if (::pipe2(output, O_CLOEXEC) != 0) {
    run.output = std::string("cannot make a pipe: ") + std::strerror(errno);
    return run;
  }
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, output[1], STDERR_FILENO);
  pid_t child = 0;
  const int spawned = ::posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::close(output[1]);
  if (spawned != 0) {
    ::close(output[0]);
    run.output = "cannot start " + words[0] + ": " + std::strerror(spawned);
    return run;
  }
  run.output = read_all(output[0]);
  ::close(output[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
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
  Arguments import{"import"};
  import.insert(import.end(), inputs.begin(), inputs.end());
  archive.import = run_cli(import + Arguments{"--store", dir / "blog.db"});
  if (archive.import.exit_code != 0) {
    return archive;
  }
  std::ofstream(dir / "archive.toml") << config;
  archive.build = run_cli({"build", "--store", dir / "blog.db", "--config", dir / "archive.toml",
                           "--out", dir / "site"});
  if (archive.build.exit_code == 0) {
    archive.files = read_tree(dir / "site");
  }
  return archive;
}

}  // namespace blogarchive::testing
