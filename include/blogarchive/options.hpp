#pragma once
// Options of the library's commands; the CLI fills these from its flags.
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace blogarchive {

/// What `import` reads and where it writes.
struct ImportOptions {
  std::vector<std::filesystem::path> export_files;
  std::filesystem::path store_path;
  /// Read malformed XML with libxml2's recovering parser and report every repair.
  bool recover = false;
};

/// What `build` reads and where it writes.
struct BuildOptions {
  std::filesystem::path store_path;
  std::filesystem::path config_path;
  std::filesystem::path out_dir;
};

/// Where `serve` listens and what it serves.
struct ServeOptions {
  std::filesystem::path site_dir;
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
};

}  // namespace blogarchive
