#include <fmt/format.h>

#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "server/static_server.hpp"
#include "site/security_headers.hpp"

namespace blogarchive {

void serve_site(const ServeOptions& options, std::ostream& log) {
  if (!std::filesystem::is_directory(options.site_dir)) {
    throw InputError(fmt::format("'{}' is not a directory; build the site first", options.site_dir.string()));
  }
  // The headers the build wrote for hosts that read `_headers`; a site built by an
  // older version still gets the strict defaults.
  const auto headers_file = core::read_file(options.site_dir / "_headers");
  auto headers = headers_file ? site::parse_headers_file(*headers_file) : site::security_headers({});
  server::StaticServer server(options.site_dir, log, std::move(headers));
  server.listen(options.host, options.port, [&](int port) {
    log << fmt::format("serving {} at http://{}:{}/ (Ctrl+C stops)\n", options.site_dir.string(), options.host, port)
        << std::flush;
  });
}

}  // namespace blogarchive
