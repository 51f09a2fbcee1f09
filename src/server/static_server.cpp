#include "server/static_server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::server {
namespace {

bool is_inside(const std::filesystem::path& root, const std::filesystem::path& candidate) {
  std::error_code error;
  const auto real_root = std::filesystem::weakly_canonical(root, error);
  const auto real = std::filesystem::weakly_canonical(candidate, error);
  if (error) {
    return false;
  }
  const auto relative = real.lexically_relative(real_root);
  return !relative.empty() && *relative.begin() != "..";
}

// A static archive has nothing to post, put or delete; refusing here keeps every other
// method away from the file system. True when the request got its answer.
bool refuse(const httplib::Request& request, httplib::Response& response, const ServerLimits& limits) {
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
    response.set_content("405 Method Not Allowed: this archive answers only GET and HEAD\n", "text/plain; charset=utf-8");
    return true;
  }
  if (request.headers.size() > limits.max_headers) {
    response.status = 431;
    response.set_content("431 Request Header Fields Too Large\n", "text/plain; charset=utf-8");
    return true;
  }
  return false;
}

}  // namespace

Resolution resolve_site_path(const std::filesystem::path& root, std::string_view raw_path) {
  std::string_view path_only = raw_path.substr(0, raw_path.find_first_of("?#"));
  const std::string decoded = core::percent_decode(path_only);
  if (decoded.empty() || decoded.front() != '/' || decoded.find('\0') != std::string::npos ||
      decoded.find('\\') != std::string::npos) {
    return {};
  }
  std::filesystem::path file = root;
  for (const std::string_view segment : core::split(decoded, '/')) {
    if (segment == "..") {
      return {};
    }
    if (!segment.empty() && segment != ".") {
      file /= std::filesystem::u8path(segment);
    }
  }
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    if (decoded.back() != '/') {
      return {Resolution::Kind::RedirectToSlash, {}};
    }
    file /= "index.html";
  }
  if (!std::filesystem::is_regular_file(file, error) || !is_inside(root, file)) {
    return {};
  }
  return {Resolution::Kind::File, file};
}

std::string mime_type(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes{
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".xml", "application/xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},   {".json", "application/json"},
      {".png", "image/png"},   {".jpg", "image/jpeg"},   {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},   {".svg", "image/svg+xml"}, {".webp", "image/webp"},
      {".ico", "image/x-icon"}, {".pdf", "application/pdf"}, {".mp3", "audio/mpeg"},
      {".mp4", "video/mp4"},   {".woff2", "font/woff2"}};
  const auto found = kTypes.find(core::to_lower_ascii(file.extension().string()));
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

struct StaticServer::Impl {
  Impl(std::filesystem::path site_root, std::ostream& out) : root(std::move(site_root)), log(out) {}
  std::filesystem::path root;
  std::ostream& log;
  httplib::Server http;
};

StaticServer::StaticServer(std::filesystem::path root, std::ostream& log,
                           std::vector<std::pair<std::string, std::string>> headers, ServerLimits limits)
    : impl_(std::make_unique<Impl>(std::move(root), log)) {
  auto& http = impl_->http;
  const std::filesystem::path site_root = impl_->root;
  const auto handler = [site_root](const httplib::Request& request, httplib::Response& response) {
    const Resolution resolution = resolve_site_path(site_root, request.target);
    if (resolution.kind == Resolution::Kind::RedirectToSlash) {
      // Built by concatenation: GCC 12 reports a false -Wrestrict for string::insert here.
      const auto query = std::min(request.target.find('?'), request.target.size());
      response.set_redirect(request.target.substr(0, query) + "/" + request.target.substr(query), 301);
      return;
    }
    if (resolution.kind == Resolution::Kind::File) {
      response.set_content(core::read_file(resolution.file).value_or(std::string()), mime_type(resolution.file));
      return;
    }
    response.status = 404;
    const auto not_found = site_root / "404.html";
    if (std::filesystem::is_regular_file(not_found)) {
      response.set_content(core::read_file(not_found).value_or(std::string()), "text/html; charset=utf-8");
    } else {
      response.set_content("404 Not Found\n", "text/plain; charset=utf-8");
    }
  };
  http.Get(".*", handler);  // cpp-httplib routes HEAD here too and sends no body for it
  http.set_pre_routing_handler([limits](const httplib::Request& request, httplib::Response& response) {
    return refuse(request, response, limits) ? httplib::Server::HandlerResponse::Handled
                                             : httplib::Server::HandlerResponse::Unhandled;
  });
  httplib::Headers defaults{{"X-Content-Type-Options", "nosniff"}};
  for (auto& [name, value] : headers) {
    defaults.erase(name);
    defaults.emplace(std::move(name), std::move(value));
  }
  http.set_default_headers(std::move(defaults));
  http.set_payload_max_length(limits.max_body);
  http.set_read_timeout(limits.idle_seconds, 0);
  http.set_write_timeout(limits.idle_seconds, 0);
  http.set_keep_alive_timeout(limits.idle_seconds);
  http.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    impl_->log << fmt::format("{} {} {}\n", request.method, request.target, response.status) << std::flush;
  });
}

StaticServer::~StaticServer() = default;

void StaticServer::listen(const std::string& host, std::uint16_t port, const std::function<void(int)>& on_ready) {
  auto& http = impl_->http;
  const int bound = port == 0 ? http.bind_to_any_port(host.c_str()) : (http.bind_to_port(host.c_str(), port) ? port : -1);
  if (bound < 0) {
    throw NetworkError(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", host, port));
  }
  if (on_ready) {
    on_ready(bound);
  }
  http.listen_after_bind();
}

void StaticServer::stop() { impl_->http.stop(); }

}  // namespace blogarchive::server
