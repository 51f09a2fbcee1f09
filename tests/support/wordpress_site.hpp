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
  /// True when the tests that need one must skip: something is missing, and CI is not
  /// "true" (under CI=true a missing package fails the test instead).
  static bool skip_here();

  /// Starts MariaDB under `dir` and prepares WordPress's files there.
  explicit WordPressSite(const std::filesystem::path& dir);
  ~WordPressSite();
  WordPressSite(const WordPressSite&) = delete;
  WordPressSite& operator=(const WordPressSite&) = delete;

  bool running() const { return database_ && database_->running(); }

  /// One WordPress installation in the database, under its own table prefix ("tut_"),
  /// installed and seeded from `export_file`. Returns seed.php's report.
  CliRun install(const std::string& prefix, const std::filesystem::path& export_file);

  /// Adds the items of another export to the installation `prefix` (seed.php).
  CliRun seed(const std::string& prefix, const std::filesystem::path& export_file) const;

  /// Runs tests/wordpress/`script` with PHP against the installation `prefix`.
  CliRun php(const std::string& prefix, const std::string& script,
             const std::string& arguments = "") const;

  /// Runs `mariadb-dump … wordpress ARGUMENTS` (options, or the tables to dump), its
  /// output to `file`.
  CliRun dump(const std::string& arguments, const std::filesystem::path& file) const;
  /// Runs one SQL statement (or several) in the database.
  CliRun sql(const std::string& statements) const;

  /// Serves the installation `prefix` with `php -S` and tests/wordpress/router.php at
  /// url() until stop_serving() (or serve() again). With `faults`, the router reads the
  /// faults to inject from that JSON file and logs every request to `faults`.log.
  /// Returns false (having failed the test) when the server does not start.
  bool serve(const std::string& prefix, const std::filesystem::path& faults = {});
  void stop_serving();
  /// "http://127.0.0.1:PORT": where it is served, and the address WordPress believes
  /// it has (its links and exports name it) from the start.
  const std::string& url() const { return url_; }

 private:
  std::string environment(const std::string& prefix) const;

  std::filesystem::path dir_;
  int web_port_ = 0;
  std::string url_;
  std::unique_ptr<BackgroundProcess> database_;
  std::unique_ptr<BackgroundProcess> web_;
};

}  // namespace blogarchive::testing
