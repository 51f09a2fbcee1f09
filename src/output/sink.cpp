#include "output/sink.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "blogarchive/error.hpp"
#include "core/files.hpp"

namespace blogarchive::output {
namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// True when the file at `path` holds exactly `bytes`.
bool has_bytes(const std::filesystem::path& path, std::string_view bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::size_t>(info.st_size) != bytes.size()) {
    return false;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  // In pieces: the search index's document store can be a hundred megabytes.
  std::string old(std::min<std::size_t>(bytes.size(), std::size_t{1} << 20), '\0');
  std::size_t compared = 0;
  bool same = true;
  while (same && compared < bytes.size()) {
    const ssize_t got = ::read(fd, old.data(), std::min(old.size(), bytes.size() - compared));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break;
    }
    const auto piece = static_cast<std::size_t>(got);
    same = bytes.substr(compared, piece) == std::string_view(old.data(), piece);
    compared += piece;
  }
  ::close(fd);
  return same && compared == bytes.size();
}

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return std::nullopt;
  }
  return FileStamp{
      static_cast<std::int64_t>(info.st_size),
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
      static_cast<std::int64_t>(info.st_ino)};
}

}  // namespace

void FunctionSink::write(const std::string& path, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  write_(path, bytes);
  ++file_count_;
  byte_count_ += bytes.size();
}

void MemorySink::write(const std::string& path, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  files_[path] = std::string(bytes);
}

DiskSink::DiskSink(std::filesystem::path target, int jobs)
    : target_(std::move(target)), jobs_(jobs) {
  if (target_.filename().empty()) {
    target_ = target_.parent_path();
  }
  staging_ = target_;
  staging_ += fmt::format(".tmp-{}", ::getpid());
  core::remove_tree(staging_, jobs_);  // left by an earlier build that had this pid
  std::error_code error;
  if (std::filesystem::exists(target_) && !std::filesystem::is_directory(target_)) {
    throw OutputError(fmt::format("'{}' exists and is not a directory", target_.string()));
  }
  has_previous_ = std::filesystem::is_directory(target_);
  if (!std::filesystem::create_directories(staging_, error) || error) {
    throw OutputError(fmt::format("cannot create '{}': {}", staging_.string(),
                                  error ? error.message() : "it already exists"));
  }
}

DiskSink::~DiskSink() {
  if (!committed_) {
    core::remove_tree(staging_, 1);  // one thread: a destructor must not fail to start one
  }
}

void DiskSink::make_parent_directories(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    return;
  }
  const std::string directory = path.substr(0, slash);
  {
    const std::lock_guard lock(mutex_);
    if (directories_.count(directory) > 0) {
      return;
    }
  }
  // Mostly the parent exists already (an article's folder in its month's), so one
  // mkdir usually does it; create_directories checks every level.
  const std::filesystem::path full = staging_ / std::filesystem::u8path(directory);
  std::error_code error;
  if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST) {
    std::filesystem::create_directories(full, error);
  }
  if (error) {
    throw OutputError(
        fmt::format("cannot create '{}': {}", (staging_ / directory).string(), error.message()));
  }
  const std::lock_guard lock(mutex_);
  directories_.insert(directory);
}

bool DiskSink::keep_unchanged(const std::string& path, const std::filesystem::path& file,
                              std::string_view bytes) {
  if (!has_previous_) {
    return false;
  }
  const std::filesystem::path old = target_ / std::filesystem::u8path(path);
  if (!has_bytes(old, bytes)) {
    return false;
  }
  // A link fails across file systems or where links are not allowed; then write.
  return ::link(old.c_str(), file.c_str()) == 0;
}

void DiskSink::write(const std::string& path, std::string_view bytes) {
  make_parent_directories(path);
  const std::filesystem::path file = staging_ / std::filesystem::u8path(path);
  const bool unchanged = keep_unchanged(path, file, bytes);
  if (!unchanged) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const bool written = fd >= 0 && write_all(fd, bytes);
    const bool closed = fd >= 0 && ::close(fd) == 0;
    if (!written || !closed) {
      throw OutputError(fmt::format("cannot write '{}': {}", file.string(), std::strerror(errno)));
    }
  }
  const std::lock_guard lock(mutex_);
  ++file_count_;
  byte_count_ += bytes.size();
  unchanged_count_ += unchanged ? 1 : 0;
}

bool DiskSink::keep(const std::string& path, const FileStamp& stamp,
                    const std::vector<std::string>& companions) {
  if (!has_previous_ || stamp_of(target_ / std::filesystem::u8path(path)) != stamp) {
    return false;
  }
  make_parent_directories(path);
  std::vector<std::filesystem::path> linked;
  std::size_t bytes = static_cast<std::size_t>(stamp.size);
  for (std::size_t i = 0; i <= companions.size(); ++i) {
    const std::string& name = i == 0 ? path : companions[i - 1];
    const std::filesystem::path old = target_ / std::filesystem::u8path(name);
    const std::filesystem::path file = staging_ / std::filesystem::u8path(name);
    const auto old_stamp = i == 0 ? std::optional(stamp) : stamp_of(old);
    if (!old_stamp || ::link(old.c_str(), file.c_str()) != 0) {
      for (const auto& made : linked) {  // a later write must not truncate the old tree's file
        ::unlink(made.c_str());
      }
      return false;
    }
    bytes += i == 0 ? 0 : static_cast<std::size_t>(old_stamp->size);
    linked.push_back(file);
  }
  const std::lock_guard lock(mutex_);
  file_count_ += linked.size();
  byte_count_ += bytes;
  unchanged_count_ += linked.size();
  return true;
}

std::optional<FileStamp> DiskSink::stamp(const std::string& path) const {
  return stamp_of(target_ / std::filesystem::u8path(path));
}

void DiskSink::commit() {
  std::filesystem::path previous = target_;
  previous += fmt::format(".old-{}", ::getpid());
  std::error_code error;
  const bool had_target = std::filesystem::exists(target_);
  if (had_target) {
    std::filesystem::rename(target_, previous, error);
    if (error) {
      throw OutputError(fmt::format("cannot move the old site '{}' aside: {}", target_.string(),
                                    error.message()));
    }
  }
  std::filesystem::rename(staging_, target_, error);
  if (error) {
    if (had_target) {
      std::error_code ignored;
      std::filesystem::rename(previous, target_, ignored);
    }
    throw OutputError(
        fmt::format("cannot move the new site into '{}': {}", target_.string(), error.message()));
  }
  committed_ = true;
  // Every file of the old tree: in a rebuild that keeps most documents, linked into
  // the new one, so this only drops a link each. A failure leaves litter, not a
  // broken site: the next build into the folder is not affected by it.
  core::remove_tree(previous, jobs_);
}

}  // namespace blogarchive::output
