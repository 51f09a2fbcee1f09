#pragma once
// A real WordPress for the tests: Debian's `wordpress` package on a private MariaDB
// (its own data folder, socket and 127.0.0.1 port, no system service), installed with
// WordPress's own wp_install() and seeded from WXR exports with wp_insert_post and
// friends (tests/wordpress/*.php). What the tests compare blogarchive with.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "run_cli.hpp"
#include "services.hpp"

namespace blogarchive::testing {

class WordPressSite {
 public:
  /// What this machine lacks to run one (scripts/install-deps.sh --test installs it),
  /// or nullopt when everything is there.
  static std::optional<std::string> missing();

  /// Starts MariaDB under `dir` and prepares WordPress's files there.
  explicit WordPressSite(const std::filesystem::path& dir);
  ~WordPressSite();
  WordPressSite(const WordPressSite&) = delete;
  WordPressSite& operator=(const WordPressSite&) = delete;

  bool running() const { return database_ && database_->running(); }

  /// One WordPress installation in the database, under its own table prefix ("tut_"),
  /// installed and seeded from `export_file`. Returns seed.php's report.
  CliRun install(const std::string& prefix, const std::filesystem::path& export_file);

  /// Runs tests/wordpress/`script` with PHP against the installation `prefix`.
  CliRun php(const std::string& prefix, const std::string& script, const std::string& arguments = "") const;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<BackgroundProcess> database_;
};

}  // namespace blogarchive::testing
