#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace blogarchive::testing {

/// The repository's root folder.
std::filesystem::path source_dir();
/// ../shared/fixtures beside the repository (real exports from other projects).
std::filesystem::path shared_fixtures_dir();
/// tests/fixtures (our own small exports).
std::filesystem::path own_fixtures_dir();
/// The built blogarchive executable.
std::filesystem::path cli_path();
/// A fresh empty directory under the build tree, unique per test.
std::filesystem::path fresh_temp_dir(const std::string& name);
/// The whole file as bytes.
std::string read_file(const std::filesystem::path& path);
/// Every regular file under `root`: relative path ('/'-separated) → bytes.
std::map<std::string, std::string> read_tree(const std::filesystem::path& root);

}  // namespace blogarchive::testing
