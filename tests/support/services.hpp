#pragma once
// Servers the end-to-end tests start on 127.0.0.1 and a client to ask them.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace blogarchive::testing {

/// A free TCP port on 127.0.0.1 (bound once and released; the caller binds it next).
int free_port();

/// A program running in the background until the object goes away (SIGTERM, then wait).
class BackgroundProcess {
 public:
  /// Starts `argv` and waits up to 10 s until 127.0.0.1:`port` accepts connections;
  /// fails the test (and returns with running() false) if it does not.
  BackgroundProcess(const std::vector<std::string>& argv, int port);
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  ~BackgroundProcess();
  bool running() const { return pid_ > 0; }

 private:
  pid_t pid_ = -1;
};

/// One HTTP exchange, redirects not followed.
struct HttpResponse {
  long status = 0;  ///< 0: no answer
  std::string location;
  std::string content_type;
  std::string body;
};

/// GET `url` with libcurl.
HttpResponse http_get(const std::string& url);

/// The path (and query) of an absolute or root-relative URL: "http://h:1/a/?b" → "/a/?b".
std::string path_of(const std::string& url);

/// nginx from Debian, serving `root` on 127.0.0.1:`port` with `http_include` in its http
/// block and `server_include` in its server block; everything else under `dir`.
std::vector<std::string> nginx_command(const std::filesystem::path& dir,
                                       const std::filesystem::path& root, int port,
                                       const std::filesystem::path& http_include,
                                       const std::filesystem::path& server_include);

/// Apache from Debian (mpm_event, mod_rewrite, AllowOverride All) serving `root` on
/// 127.0.0.1:`port`, so that the site's own .htaccess is what answers old URLs.
std::vector<std::string> apache_command(const std::filesystem::path& dir,
                                        const std::filesystem::path& root, int port);

/// Caddy from Debian serving `root` on 127.0.0.1:`port` with `site_import` in its site
/// block; no admin endpoint, no HTTPS, its storage under `dir`.
std::vector<std::string> caddy_command(const std::filesystem::path& dir,
                                       const std::filesystem::path& root, int port,
                                       const std::filesystem::path& site_import);

}  // namespace blogarchive::testing
