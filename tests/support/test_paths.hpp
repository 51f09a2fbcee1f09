#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace blogarchive::testing {

/// The repository's root folder.
std::filesystem::path source_dir();
/// ../shared/fixtures beside the repository (real exports from other projects), or the
/// folder BLOGARCHIVE_SHARED_FIXTURES names (a missing one shows what a clone without
/// ../shared runs).
std::filesystem::path shared_fixtures_dir();
/// Why the tests that read ../shared/fixtures cannot run here, or nothing.
std::optional<std::string> missing_shared_fixtures();
/// True when CI=true: a missing prerequisite then fails a test instead of skipping it.
bool running_in_ci();
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

/// At the top of a test that reads ../shared/fixtures: skips it with one line saying
/// what is missing, or fails it when CI=true, where the fixtures must be present.
#define BLOGARCHIVE_NEEDS_SHARED_FIXTURES()                                   \
  do {                                                                        \
    if (const auto why = ::blogarchive::testing::missing_shared_fixtures()) { \
      if (::blogarchive::testing::running_in_ci()) {                          \
        FAIL() << "CI=true but " << *why;                                     \
      } else {                                                                \
        GTEST_SKIP() << *why;                                                 \
      }                                                                       \
    }                                                                         \
  } while (false)
