#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace blogarchive::testing {

/// The result of running the blogarchive executable.
struct CliRun {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// `text` in single quotes for the shell, its own single quotes escaped.
std::string shell_quoted(const std::string& text);

/// Runs a shell command; stdout and stderr together.
CliRun run_command(const std::string& command);

/// A command line's arguments, one string each.
using Arguments = std::vector<std::string>;

/// `arguments` followed by `more`.
Arguments operator+(Arguments arguments, const Arguments& more);

/// Runs the built blogarchive with `arguments` (no shell: nothing to quote); stdout and
/// stderr together.
CliRun run_cli(const Arguments& arguments);

/// What `import_and_build` did: both runs and the files of the built site.
struct BuiltArchive {
  CliRun import;
  CliRun build;
  std::map<std::string, std::string> files;  ///< relative path → bytes; empty when a step failed
};

/// Imports `inputs` into `dir`/blog.db, writes `config` to `dir`/archive.toml and
/// builds `dir`/site: the path from an export to an archive every end-to-end test takes.
BuiltArchive import_and_build(const std::filesystem::path& dir,
                              const std::vector<std::filesystem::path>& inputs,
                              const std::string& config);

}  // namespace blogarchive::testing
