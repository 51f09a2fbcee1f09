#include <fmt/format.h>

#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "redirects/redirect_formats.hpp"
#include "server/static_server.hpp"
#include "site/security_headers.hpp"

namespace blogarchive {

void serve_site(const ServeOptions& options, std::ostream& log) {
  if (!std::filesystem::is_directory(options.site_dir)) {
    throw InputError(
        fmt::format("'{}' is not a directory; build the site first", options.site_dir.string()));
  }
  // The headers the build wrote for hosts that read `_headers`; a site built by an
  // older version still gets the strict defaults.
  const auto headers_file = core::read_file(options.site_dir / "_headers");
  auto headers =
      headers_file ? site::parse_headers_file(*headers_file) : site::security_headers({});
  server::StaticServer server(options.site_dir, log, std::move(headers));
  // The old blog's URLs, as the build wrote them for Netlify: a preview answers them
  // with the same 301s (and 404s for ids never published) as the production host.
  const redirects::RedirectMatcher old_urls(
      core::read_file(options.site_dir / "_redirects").value_or(""));
  server.set_redirects([&](std::string_view target) -> std::optional<server::OldUrlAnswer> {
    if (auto location = old_urls.location_for(target)) {
      return server::OldUrlAnswer{server::OldUrlAnswer::Kind::Moved, std::move(*location)};
    }
    if (old_urls.never_published(target)) {
      return server::OldUrlAnswer{server::OldUrlAnswer::Kind::NeverPublished, {}};
    }
    return std::nullopt;
  });
  server.listen(options.host, options.port, [&](int port) {
    log << fmt::format("serving {} at http://{}:{}/ ({} old URLs redirected; Ctrl+C stops)\n",
                       options.site_dir.string(), options.host, port, old_urls.size())
        << std::flush;
  });
}

}  // namespace blogarchive
