#include "output/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "blogarchive/error.hpp"

namespace blogarchive::output {

AtomicFile::AtomicFile(std::filesystem::path path)
    : path_(std::move(path)), temporary_(path_.string() + fmt::format(".tmp-{}", ::getpid())) {
  file_ = std::fopen(temporary_.c_str(), "wb");
  if (file_ == nullptr) {
    throw OutputError(
        fmt::format("cannot write '{}': {}", temporary_.string(), std::strerror(errno)));
  }
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw OutputError(
        fmt::format("cannot write '{}': {}", temporary_.string(), std::strerror(errno)));
  }
}

void AtomicFile::commit() {
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  std::error_code error;
  if (flushed && closed) {
    std::filesystem::rename(temporary_, path_, error);
  }
  if (!flushed || !closed || error) {
    std::filesystem::remove(temporary_, error);
    throw OutputError(fmt::format("cannot write '{}': {}", path_.string(),
                                  error ? error.message() : std::strerror(errno)));
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace blogarchive::output
