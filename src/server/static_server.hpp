#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace blogarchive::server {

/// Where a request path leads inside the site root.
struct Resolution {
  enum class Kind { File, RedirectToSlash, NotFound };
  Kind kind = Kind::NotFound;
  std::filesystem::path file;
};

/// Maps a raw request path ("/%C3%BCber/") to a file under `root`: decodes it, refuses
/// '..', NUL, backslashes and anything (symlinks included) that leads outside the root,
/// and serves index.html for directories.
Resolution resolve_site_path(const std::filesystem::path& root, std::string_view raw_path);

/// The Content-Type for a file name.
std::string mime_type(const std::filesystem::path& file);

/// Serves `root` on host:port until stop() is called from another thread. Calls
/// `on_ready` with the bound port once listening (port 0 picks a free one).
class StaticServer {
 public:
  StaticServer(std::filesystem::path root, std::ostream& log);
  ~StaticServer();
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  /// Blocks while serving. Throws NetworkError when the address cannot be bound.
  void listen(const std::string& host, std::uint16_t port, const std::function<void(int)>& on_ready);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace blogarchive::server
