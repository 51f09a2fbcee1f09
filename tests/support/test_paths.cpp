#include "test_paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace blogarchive::testing {

std::filesystem::path source_dir() {
  return BLOGARCHIVE_SOURCE_DIR;
}

std::filesystem::path shared_fixtures_dir() {
  if (const char* chosen = std::getenv("BLOGARCHIVE_SHARED_FIXTURES");
      chosen != nullptr && *chosen != '\0') {
    return chosen;
  }
  return source_dir().parent_path() / "shared" / "fixtures";
}

std::optional<std::string> missing_shared_fixtures() {
  if (std::filesystem::is_directory(shared_fixtures_dir())) {
    return std::nullopt;
  }
  return "needs " + shared_fixtures_dir().string() +
         " (real exports from other projects), which is not here";
}

bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

std::filesystem::path own_fixtures_dir() {
  return source_dir() / "tests" / "fixtures";
}

std::filesystem::path cli_path() {
  return std::filesystem::path(BLOGARCHIVE_BINARY_DIR) / "src" / "cli" / "blogarchive";
}

std::filesystem::path fresh_temp_dir(const std::string& name) {
  const auto dir = std::filesystem::path(BLOGARCHIVE_BINARY_DIR) / "test-tmp" /
                   (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::map<std::string, std::string> read_tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[entry.path().lexically_relative(root).generic_string()] = read_file(entry.path());
    }
  }
  return files;
}

}  // namespace blogarchive::testing
