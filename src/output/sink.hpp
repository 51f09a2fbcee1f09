#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::output {

/// What a file looked like when it was written: one changed by hand since differs.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

/// Receives the generated site file by file. Paths are relative, '/'-separated, and
/// already checked by the site model. Implementations are thread-safe.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void write(const std::string& path, std::string_view bytes) = 0;
  /// Takes the file the previous build left at `path` (with the files derived from it,
  /// `companions`) instead of a new write, when it still has `stamp`. False when it
  /// cannot: then the caller writes the file.
  virtual bool keep(const std::string& path, const FileStamp& stamp,
                    const std::vector<std::string>& companions) {
    (void)path, (void)stamp, (void)companions;
    return false;
  }
};

/// Keeps every file in memory (tests, previews).
/// Hands every file to a function, one call at a time.
class FunctionSink : public OutputSink {
 public:
  using Write = std::function<void(const std::string& path, std::string_view bytes)>;
  explicit FunctionSink(Write write) : write_(std::move(write)) {}
  void write(const std::string& path, std::string_view bytes) override;
  std::size_t file_count() const { return file_count_; }
  std::size_t byte_count() const { return byte_count_; }

 private:
  std::mutex mutex_;
  Write write_;
  std::size_t file_count_ = 0;
  std::size_t byte_count_ = 0;
};

class MemorySink : public OutputSink {
 public:
  void write(const std::string& path, std::string_view bytes) override;
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

/// Writes into "<target>.tmp-<pid>" and replaces `target` only on commit(). Destroying
/// it uncommitted removes the temporary tree, so a failed build leaves no trace. Trees
/// are removed on `jobs` threads.
///
/// A file whose bytes equal the one already at `target` is not written again: the old
/// file is hard-linked into the new tree, so it keeps its modification time (and
/// rsync, web caches and backups see that it did not change).
class DiskSink : public OutputSink {
 public:
  explicit DiskSink(std::filesystem::path target, int jobs = 1);
  DiskSink(const DiskSink&) = delete;
  DiskSink& operator=(const DiskSink&) = delete;
  ~DiskSink() override;

  void write(const std::string& path, std::string_view bytes) override;
  /// Hard-links the old tree's files into the new one; all of them or none.
  bool keep(const std::string& path, const FileStamp& stamp,
            const std::vector<std::string>& companions) override;
  /// Swaps the finished tree in place of the target. Throws OutputError.
  void commit();
  /// The stamp of the file at `path` in the target (after commit(): in the new tree).
  std::optional<FileStamp> stamp(const std::string& path) const;
  const std::filesystem::path& target() const { return target_; }
  std::size_t file_count() const { return file_count_; }
  std::size_t byte_count() const { return byte_count_; }
  /// Files kept from the previous tree because their bytes did not change.
  std::size_t unchanged_count() const { return unchanged_count_; }

 private:
  void make_parent_directories(const std::string& path);
  bool keep_unchanged(const std::string& path, const std::filesystem::path& file,
                      std::string_view bytes);

  std::filesystem::path target_;
  std::filesystem::path staging_;
  int jobs_ = 1;
  bool has_previous_ = false;
  std::mutex mutex_;
  std::set<std::string> directories_;  ///< already created below staging_
  std::size_t unchanged_count_ = 0;
  bool committed_ = false;
  std::size_t file_count_ = 0;
  std::size_t byte_count_ = 0;
};

}  // namespace blogarchive::output
