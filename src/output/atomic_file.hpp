#pragma once
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace blogarchive::output {

/// A file written beside its final name and renamed into place by commit(), so that a
/// reader never sees half of it. Destroying it uncommitted removes what was written.
class AtomicFile {
 public:
  /// Throws OutputError when the folder cannot take the file.
  explicit AtomicFile(std::filesystem::path path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void write(std::string_view bytes);
  /// Flushes to disk and renames; throws OutputError when either fails.
  void commit();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  std::FILE* file_ = nullptr;
};

/// Writes `bytes` to `path` through an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace blogarchive::output
