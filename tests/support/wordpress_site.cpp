#include "wordpress_site.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

constexpr const char* kWordPress = "/usr/share/wordpress";

bool on_path(const std::string& program) {
  return run_command("command -v " + program + " >/dev/null").exit_code == 0;
}

// WordPress computes its own folder from the files' real paths: the top-level files are
// copies (so that they find this site's wp-config.php), wp-admin and wp-includes links.
void lay_out_docroot(const std::filesystem::path& root) {
  std::filesystem::create_directories(root / "wp-content/uploads");
  std::filesystem::create_directories(root / "wp-content/plugins");
  std::filesystem::create_directories(root / "wp-content/themes");
  for (const auto& entry : std::filesystem::directory_iterator(kWordPress)) {
    const auto name = entry.path().filename();
    if (entry.is_regular_file() && name.extension() == ".php" && name != "wp-config.php") {
      std::filesystem::copy_file(entry.path(), root / name);
    }
  }
  std::filesystem::create_directory_symlink(std::filesystem::path(kWordPress) / "wp-admin",
                                            root / "wp-admin");
  std::filesystem::create_directory_symlink(std::filesystem::path(kWordPress) / "wp-includes",
                                            root / "wp-includes");
  std::filesystem::create_symlink(source_dir() / "tests/wordpress/wp-config.php",
                                  root / "wp-config.php");
}

}  // namespace

std::optional<std::string> WordPressSite::missing() {
  for (const char* program : {"mariadbd", "mariadb-install-db", "mariadb", "php"}) {
    if (!on_path(program) && !std::filesystem::exists(std::string("/usr/sbin/") + program)) {
      return std::string(program);
    }
  }
  if (!std::filesystem::exists(std::string(kWordPress) + "/wp-settings.php")) {
    return std::string("Debian's wordpress package");
  }
  if (run_command("php -r 'exit(class_exists(\"DOMDocument\") && "
                  "function_exists(\"mysqli_connect\") ? 0 : 1);'")
          .exit_code != 0) {
    return std::string("php-xml and php-mysql");
  }
  return std::nullopt;
}

bool WordPressSite::skip_here() {
  const auto lacking = missing();
  if (!lacking) {
    return false;
  }
  if (running_in_ci()) {
    ADD_FAILURE() << "CI=true but " << *lacking
                  << " is missing (scripts/install-deps.sh --test installs it)";
  }
  return true;
}

WordPressSite::WordPressSite(const std::filesystem::path& dir) : dir_(dir) {
  const auto data = dir_ / "mariadb";
  const CliRun init =
      run_command("mariadb-install-db --no-defaults --datadir=" + shell_quoted(data) +
                  " --user=root --auth-root-authentication-method=normal --skip-test-db");
  if (init.exit_code != 0) {
    ADD_FAILURE() << "mariadb-install-db failed:\n" << init.output;
    return;
  }
  const int port = free_port();
  const std::string mariadbd =
      std::filesystem::exists("/usr/sbin/mariadbd") ? "/usr/sbin/mariadbd" : "mariadbd";
  database_ = std::make_unique<BackgroundProcess>(
      std::vector<std::string>{
          mariadbd, "--no-defaults", "--datadir=" + data.string(),
          "--socket=" + (data / "mysqld.sock").string(), "--port=" + std::to_string(port),
          "--bind-address=127.0.0.1", "--user=root", "--skip-grant-tables", "--skip-log-bin",
          "--innodb-buffer-pool-size=32M", "--pid-file=" + (data / "mariadbd.pid").string(),
          "--log-error=" + (data / "error.log").string()},
      port);
  lay_out_docroot(dir_ / "wordpress");
  web_port_ = free_port();
  url_ = "http://127.0.0.1:" + std::to_string(web_port_);
}

WordPressSite::~WordPressSite() = default;

std::string WordPressSite::environment(const std::string& prefix) const {
  return "BLOGARCHIVE_WP_SOCKET=" + (dir_ / "mariadb/mysqld.sock").string() +
         " BLOGARCHIVE_WP_ROOT=" + (dir_ / "wordpress").string() +
         " BLOGARCHIVE_WP_PREFIX=" + prefix + " BLOGARCHIVE_WP_URL=" + url_;
}

CliRun WordPressSite::php(const std::string& prefix, const std::string& script,
                          const std::string& arguments) const {
  return run_command("env " + environment(prefix) + " php -d display_errors=stderr " +
                     shell_quoted(source_dir() / "tests/wordpress" / script) + " " + arguments);
}

CliRun WordPressSite::seed(const std::string& prefix,
                           const std::filesystem::path& export_file) const {
  return php(prefix, "seed.php", shell_quoted(export_file));
}

bool WordPressSite::serve(const std::string& prefix, const std::filesystem::path& faults) {
  web_.reset();
  // Through the shell only to send the server's request log to a file of its own.
  const std::string command =
      "exec env " + environment(prefix) + " BLOGARCHIVE_WP_FAULTS=" + faults.string() +
      " php -d display_errors=stderr -S 127.0.0.1:" + std::to_string(web_port_) + " -t " +
      shell_quoted(dir_ / "wordpress") + " " +
      shell_quoted(source_dir() / "tests/wordpress/router.php") + " >>" +
      shell_quoted(dir_ / "php-server.log") + " 2>&1";
  web_ =
      std::make_unique<BackgroundProcess>(std::vector<std::string>{"sh", "-c", command}, web_port_);
  return web_->running();
}

void WordPressSite::stop_serving() {
  web_.reset();
}

CliRun WordPressSite::dump(const std::string& arguments, const std::filesystem::path& file) const {
  return run_command(
      "mariadb-dump --no-defaults --socket=" + shell_quoted(dir_ / "mariadb/mysqld.sock") +
      " -u root wordpress " + arguments + " > " + shell_quoted(file));
}

CliRun WordPressSite::sql(const std::string& statements) const {
  return run_command(
      "mariadb --no-defaults --socket=" + shell_quoted(dir_ / "mariadb/mysqld.sock") +
      " -u root wordpress -e " + shell_quoted(statements));
}

CliRun WordPressSite::install(const std::string& prefix, const std::filesystem::path& export_file) {
  const CliRun database =
      run_command("mariadb --no-defaults --socket=" + shell_quoted(dir_ / "mariadb/mysqld.sock") +
                  " -u root -e 'CREATE DATABASE IF NOT EXISTS wordpress'");
  if (database.exit_code != 0) {
    return database;
  }
  const CliRun installed = php(prefix, "install.php");
  if (installed.exit_code != 0 || installed.output.find("installed") == std::string::npos) {
    return {1, installed.output};
  }
  return seed(prefix, export_file);
}

}  // namespace blogarchive::testing
