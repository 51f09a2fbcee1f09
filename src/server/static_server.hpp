#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// What one client may ask of the server; beyond it the request is refused.
struct ServerLimits {
  int idle_seconds = 5;           ///< a connection that sends nothing this long is closed
  std::size_t max_headers = 100;  ///< more request headers: 431
  /// Memory for one connection's request line and headers; beyond it the request is
  /// refused (414 or 431) before more is read.
  std::size_t max_request_head = std::size_t{32} * 1024;
};

/// What the old blog's URL rules say about a raw request target (with its query): it
/// moved (301 to `location`), or it names something never published (404).
struct OldUrlAnswer {
  enum class Kind { Moved, NeverPublished };
  Kind kind = Kind::Moved;
  std::string location;  ///< for Moved
};
using RedirectLookup = std::function<std::optional<OldUrlAnswer>(std::string_view target)>;

/// Serves `root` on host:port (IPv4) until stop() is called from another thread, with
/// libmicrohttpd's thread pool. Calls `on_ready` with the bound port once listening
/// (port 0 picks a free one). Answers only GET and HEAD (405 otherwise), honours a
/// single Range, and adds `headers` (the site's security headers) to every response.
class StaticServer {
 public:
  StaticServer(std::filesystem::path root, std::ostream& log,
               std::vector<std::pair<std::string, std::string>> headers = {},
               ServerLimits limits = {});
  ~StaticServer();
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  /// Answers the URLs `lookup` knows with 301 (or 404) before looking for a file. Call
  /// before listen().
  void set_redirects(RedirectLookup lookup);

  /// Blocks while serving. Throws NetworkError when the address cannot be bound.
  void listen(const std::string& host, std::uint16_t port,
              const std::function<void(int)>& on_ready);
  void stop();

  /// Defined in the .cpp; named here so that libmicrohttpd's C callbacks can reach it.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace blogarchive::server
