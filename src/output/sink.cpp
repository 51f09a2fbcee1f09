#include "output/sink.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <system_error>

#include "blogarchive/error.hpp"

namespace blogarchive::output {

void MemorySink::write(const std::string& path, std::string_view bytes) {
  const std::lock_guard lock(mutex_);
  files_[path] = std::string(bytes);
}

DiskSink::DiskSink(std::filesystem::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) {
    target_ = target_.parent_path();
  }
  staging_ = target_;
  staging_ += fmt::format(".tmp-{}", ::getpid());
  std::error_code error;
  std::filesystem::remove_all(staging_, error);
  if (std::filesystem::exists(target_) && !std::filesystem::is_directory(target_)) {
    throw OutputError(fmt::format("'{}' exists and is not a directory", target_.string()));
  }
  if (!std::filesystem::create_directories(staging_, error) || error) {
    throw OutputError(fmt::format("cannot create '{}': {}", staging_.string(),
                                  error ? error.message() : "it already exists"));
  }
}

DiskSink::~DiskSink() {
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove_all(staging_, ignored);
  }
}

void DiskSink::write(const std::string& path, std::string_view bytes) {
  const std::filesystem::path file = staging_ / std::filesystem::u8path(path);
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (error || !out) {
    throw OutputError(fmt::format("cannot write '{}' (disk full or no permission?)", file.string()));
  }
  const std::lock_guard lock(mutex_);
  ++file_count_;
  byte_count_ += bytes.size();
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
    throw OutputError(fmt::format("cannot move the new site into '{}': {}", target_.string(),
                                  error.message()));
  }
  committed_ = true;
  std::filesystem::remove_all(previous, error);
}

}  // namespace blogarchive::output
