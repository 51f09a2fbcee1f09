#include <fmt/format.h>

#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "server/static_server.hpp"

namespace blogarchive {

void serve_site(const ServeOptions& options, std::ostream& log) {
  if (!std::filesystem::is_directory(options.site_dir)) {
    throw InputError(fmt::format("'{}' is not a directory; build the site first", options.site_dir.string()));
  }
  server::StaticServer server(options.site_dir, log);
  server.listen(options.host, options.port, [&](int port) {
    log << fmt::format("serving {} at http://{}:{}/ (Ctrl+C stops)\n", options.site_dir.string(), options.host, port)
        << std::flush;
  });
}

}  // namespace blogarchive
