#include "server/static_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/media_type.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "output/precompress.hpp"

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
  return core::media_type(file);
}

namespace {

// One request's raw target ("/%C3%BCber?x=1"), captured by MHD's URI log callback
// before any decoding, so that resolve_site_path is the only place that decodes.
struct Request {
  std::string target;
};

void* remember_target(void* /*cls*/, const char* uri, MHD_Connection* /*connection*/) {
  return new Request{uri != nullptr ? uri : ""};
}

void forget_target(void* /*cls*/, MHD_Connection* /*connection*/, void** request_state,
                   MHD_RequestTerminationCode /*code*/) {
  delete static_cast<Request*>(*request_state);
  *request_state = nullptr;
}

// "bytes=0-3", "bytes=5-", "bytes=-2" against a file of `size` bytes. Several ranges
// are answered with the whole file, as RFC 9110 allows.
struct ByteRange {
  enum class Kind { Whole, Part, Unsatisfiable };
  Kind kind = Kind::Whole;
  std::uint64_t first = 0;
  std::uint64_t length = 0;
};

ByteRange parse_range(const char* header, std::uint64_t size) {
  if (header == nullptr) {
    return {};
  }
  const std::string_view value = core::trim(header);
  if (!value.starts_with("bytes=") || value.find(',') != std::string_view::npos) {
    return {};
  }
  const std::string_view spec = value.substr(6);
  const auto dash = spec.find('-');
  const auto number = [](std::string_view digits) -> std::optional<std::uint64_t> {
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    return std::stoull(std::string(digits));
  };
  if (dash == std::string_view::npos) {
    return {};
  }
  const auto from = number(spec.substr(0, dash));
  const auto to = number(spec.substr(dash + 1));
  if (!from && to) {  // the last `to` bytes
    if (*to == 0 || size == 0) {
      return {ByteRange::Kind::Unsatisfiable};
    }
    const std::uint64_t length = std::min(*to, size);
    return {ByteRange::Kind::Part, size - length, length};
  }
  if (!from || *from >= size || (to && *to < *from)) {
    return {from ? ByteRange::Kind::Unsatisfiable : ByteRange::Kind::Whole};
  }
  const std::uint64_t last = to ? std::min(*to, size - 1) : size - 1;
  return {ByteRange::Kind::Part, *from, last - *from + 1};
}

// Text worth compressing on the wire; images, archives and fonts already are.
bool is_compressible(const std::string& type) {
  return type.starts_with("text/") || type.starts_with("application/javascript") ||
         type.starts_with("application/json") || type.starts_with("application/xml") ||
         type.starts_with("application/atom+xml") || type.starts_with("image/svg+xml");
}

// Whether the request's Accept-Encoding names `coding` without refusing it with q=0.
bool accepts(const char* header, std::string_view coding) {
  if (header == nullptr) {
    return false;
  }
  for (const std::string_view item : core::split(header, ',')) {
    const std::string_view trimmed = core::trim(item);
    const std::string_view name = core::trim(trimmed.substr(0, trimmed.find(';')));
    if (name == coding || name == "*") {
      const auto q = trimmed.find("q=");
      return q == std::string_view::npos ||
             core::trim(trimmed.substr(q + 2)).find_first_not_of("0.") != std::string_view::npos;
    }
  }
  return false;
}

// "Sun, 06 Dec 2026 04:20:00 GMT"
std::string http_date(std::time_t when) {
  std::tm parts{};
  ::gmtime_r(&when, &parts);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} GMT", kDays[parts.tm_wday], parts.tm_mday,
                     kMonths[parts.tm_mon], parts.tm_year + 1900, parts.tm_hour, parts.tm_min,
                     parts.tm_sec);
}

// How long browsers may keep a file without asking again. Pages, feeds and the assets
// keep their names when a rebuild changes them, so they are checked every time (cheap:
// a 304 without a body); media never change under their name and are kept a day.
const char* cache_control(const std::string& type) {
  return type.starts_with("image/") || type.starts_with("audio/") || type.starts_with("video/") ||
                 type.starts_with("font/") || type == "application/pdf"
             ? "public, max-age=86400"
             : "no-cache";
}

}  // namespace

struct StaticServer::Impl {
  Impl(std::filesystem::path site_root, std::ostream& out, ServerLimits server_limits)
      : root(std::move(site_root)), log(out), limits(server_limits) {}

  std::filesystem::path root;
  std::ostream& log;
  std::vector<std::pair<std::string, std::string>> headers;
  RedirectLookup redirect;
  ServerLimits limits;
  std::mutex mutex;  ///< guards `log`, `stopping`
  std::condition_variable stopped;
  bool stopping = false;

  // Answers with `response` (taking it), the site's headers added.
  MHD_Result send(MHD_Connection* connection, const std::string& method, const std::string& target,
                  unsigned int status, MHD_Response* response) {
    for (const auto& [name, value] : headers) {
      MHD_add_response_header(response, name.c_str(), value.c_str());
    }
    const MHD_Result queued = MHD_queue_response(connection, status, response);
    MHD_destroy_response(response);
    std::lock_guard lock(mutex);
    log << fmt::format("{} {} {}\n", method, target, status) << std::flush;
    return queued;
  }

  MHD_Result send_text(MHD_Connection* connection, const std::string& method,
                       const std::string& target, unsigned int status, const std::string& text,
                       const char* type = "text/plain; charset=utf-8") {
    MHD_Response* response = MHD_create_response_from_buffer(
        text.size(), const_cast<char*>(text.data()), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(response, "Content-Type", type);
    return send(connection, method, target, status, response);
  }

  MHD_Result send_file(MHD_Connection* connection, const std::string& method,
                       const std::string& target, const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
      return send_text(connection, method, target, 500, "500 cannot read the file\n");
    }
    const std::string type = mime_type(file);
    const auto size = static_cast<std::uint64_t>(info.st_size);
    // Validators of the file as built: a rebuild that rewrites it changes size or time.
    const std::string etag =
        fmt::format("\"{:x}-{:x}\"", size,
                    static_cast<std::uint64_t>(info.st_mtim.tv_sec) * 1000000000ULL +
                        static_cast<std::uint64_t>(info.st_mtim.tv_nsec));
    const std::string modified = http_date(info.st_mtim.tv_sec);
    const auto add_validators = [&](MHD_Response* response) {
      MHD_add_response_header(response, "ETag", etag.c_str());
      MHD_add_response_header(response, "Last-Modified", modified.c_str());
      MHD_add_response_header(response, "Cache-Control", cache_control(type));
      if (is_compressible(type)) {
        MHD_add_response_header(response, "Vary", "Accept-Encoding");
      }
    };
    if (is_fresh(connection, etag, modified)) {
      MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
      add_validators(response);
      return send(connection, method, target, 304, response);
    }
    const char* range_header = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Range");
    if (range_header == nullptr && is_compressible(type) && size >= kCompressFrom) {
      if (MHD_Response* response = compressed(connection, file, type)) {
        add_validators(response);
        return send(connection, method, target, 200, response);
      }
    }
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return send_text(connection, method, target, 500, "500 cannot read the file\n");
    }
    const ByteRange range = parse_range(range_header, size);
    if (range.kind == ByteRange::Kind::Unsatisfiable) {
      ::close(fd);
      MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
      MHD_add_response_header(response, "Content-Range", fmt::format("bytes */{}", size).c_str());
      return send(connection, method, target, 416, response);
    }
    const bool part = range.kind == ByteRange::Kind::Part;
    MHD_Response* response = MHD_create_response_from_fd_at_offset64(part ? range.length : size, fd,
                                                                     part ? range.first : 0);
    MHD_add_response_header(response, "Content-Type", type.c_str());
    MHD_add_response_header(response, "Accept-Ranges", "bytes");
    add_validators(response);
    if (part) {
      MHD_add_response_header(
          response, "Content-Range",
          fmt::format("bytes {}-{}/{}", range.first, range.first + range.length - 1, size).c_str());
    }
    return send(connection, method, target, part ? 206 : 200, response);
  }

  // Compressing saves nothing on the wire below this size (as the build's --precompress).
  static constexpr std::uint64_t kCompressFrom = 512;

  // If-None-Match wins over If-Modified-Since (RFC 9110); dates compare as sent back.
  static bool is_fresh(MHD_Connection* connection, const std::string& etag,
                       const std::string& modified) {
    if (const char* match =
            MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "If-None-Match")) {
      for (const std::string_view candidate : core::split(match, ',')) {
        const std::string_view tag = core::trim(candidate);
        if (tag == "*" || tag == etag || (tag.starts_with("W/") && tag.substr(2) == etag)) {
          return true;
        }
      }
      return false;
    }
    const char* since =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "If-Modified-Since");
    return since != nullptr && modified == core::trim(since);
  }

  // The file brotli- or gzip-encoded for a client that takes it: the build's
  // --precompress copy beside it when there is one, else gzip made now. Null: send it
  // as it is.
  static MHD_Response* compressed(MHD_Connection* connection, const std::filesystem::path& file,
                                  const std::string& type) {
    const char* accept =
        MHD_lookup_connection_value(connection, MHD_HEADER_KIND, "Accept-Encoding");
    std::optional<std::string> body;
    const char* coding = nullptr;
    for (const char* candidate : {"br", "gzip"}) {
      if (accepts(accept, candidate)) {
        const std::string suffix = std::string_view(candidate) == "br" ? ".br" : ".gz";
        if ((body = core::read_file(file.string() + suffix))) {
          coding = candidate;
          break;
        }
      }
    }
    if (!body && accepts(accept, "gzip")) {
      if (const auto plain = core::read_file(file)) {
        body = output::gzip(*plain, 6);
        coding = "gzip";
      }
    }
    if (!body) {
      return nullptr;
    }
    MHD_Response* response =
        MHD_create_response_from_buffer(body->size(), body->data(), MHD_RESPMEM_MUST_COPY);
    MHD_add_response_header(response, "Content-Type", type.c_str());
    MHD_add_response_header(response, "Content-Encoding", coding);
    return response;
  }

  MHD_Result answer(MHD_Connection* connection, const std::string& method,
                    const std::string& target) {
    // A static archive has nothing to post, put or delete; refusing here, before any
    // body is read, keeps every other method away from the file system.
    if (method != "GET" && method != "HEAD") {
      MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
      MHD_add_response_header(response, "Allow", "GET, HEAD");
      return send(connection, method, target, 405, response);
    }
    const int header_count =
        MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr);
    if (header_count < 0 || static_cast<std::size_t>(header_count) > limits.max_headers) {
      return send_text(connection, method, target, 431, "431 Request Header Fields Too Large\n");
    }
    if (const auto old_url = redirect ? redirect(target) : std::nullopt) {
      if (old_url->kind == OldUrlAnswer::Kind::NeverPublished) {
        return send_not_found(connection, method, target);
      }
      MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
      MHD_add_response_header(response, "Location", old_url->location.c_str());
      return send(connection, method, target, 301, response);
    }
    const Resolution resolution = resolve_site_path(root, target);
    if (resolution.kind == Resolution::Kind::RedirectToSlash) {
      const auto query = std::min(target.find('?'), target.size());
      MHD_Response* response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
      MHD_add_response_header(response, "Location",
                              (target.substr(0, query) + "/" + target.substr(query)).c_str());
      return send(connection, method, target, 301, response);
    }
    if (resolution.kind == Resolution::Kind::File) {
      return send_file(connection, method, target, resolution.file);
    }
    return send_not_found(connection, method, target);
  }

  // The site's 404 page, with status 404.
  MHD_Result send_not_found(MHD_Connection* connection, const std::string& method,
                            const std::string& target) {
    const auto not_found = core::read_file(root / "404.html");
    return not_found
               ? send_text(connection, method, target, 404, *not_found, "text/html; charset=utf-8")
               : send_text(connection, method, target, 404, "404 Not Found\n");
  }
};

namespace {

// "127.0.0.1", "0.0.0.0" or a name such as "localhost" that resolves to IPv4.
sockaddr_in ipv4_address(const std::string& host, std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) == 1) {
    return address;
  }
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
    throw NetworkError(fmt::format(
        "cannot listen on {}:{} (not an IPv4 address or a name of this machine)", host, port));
  }
  address.sin_addr = reinterpret_cast<const sockaddr_in*>(found->ai_addr)->sin_addr;
  ::freeaddrinfo(found);
  return address;
}

MHD_Result handle(void* cls, MHD_Connection* connection, const char* /*url*/, const char* method,
                  const char* /*version*/, const char* /*upload_data*/,
                  std::size_t* /*upload_data_size*/, void** request_state) {
  auto* impl = static_cast<StaticServer::Impl*>(cls);
  const auto* request = static_cast<const Request*>(*request_state);
  return impl->answer(connection, method != nullptr ? method : "",
                      request != nullptr ? request->target : "/");
}

}  // namespace

StaticServer::StaticServer(std::filesystem::path root, std::ostream& log,
                           std::vector<std::pair<std::string, std::string>> headers,
                           ServerLimits limits)
    : impl_(std::make_unique<Impl>(std::move(root), log, limits)) {
  // X-Content-Type-Options is sent even when the site brings no headers of its own.
  impl_->headers.emplace_back("X-Content-Type-Options", "nosniff");
  for (auto& header : headers) {
    std::erase_if(impl_->headers,
                  [&](const auto& existing) { return existing.first == header.first; });
    impl_->headers.push_back(std::move(header));
  }
}

StaticServer::~StaticServer() = default;

void StaticServer::set_redirects(RedirectLookup lookup) {
  impl_->redirect = std::move(lookup);
}

void StaticServer::listen(const std::string& host, std::uint16_t port,
                          const std::function<void(int)>& on_ready) {
  sockaddr_in address = ipv4_address(host, port);
  const auto& limits = impl_->limits;
  MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_AUTO_INTERNAL_THREAD, port, nullptr, nullptr, &handle, impl_.get(),
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<const sockaddr*>(&address),
      MHD_OPTION_THREAD_POOL_SIZE, 4U,
      // The whole request head (line and headers) must fit: bounded memory per client.
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits.max_request_head, MHD_OPTION_CONNECTION_TIMEOUT,
      static_cast<unsigned int>(limits.idle_seconds), MHD_OPTION_CONNECTION_LIMIT, 256U,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, 64U, MHD_OPTION_URI_LOG_CALLBACK, &remember_target,
      nullptr, MHD_OPTION_NOTIFY_COMPLETED, &forget_target, nullptr, MHD_OPTION_END);
  if (daemon == nullptr) {
    throw NetworkError(fmt::format(
        "cannot listen on {}:{} (in use, or not an address of this machine)", host, port));
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  if (on_ready) {
    on_ready(info != nullptr ? info->port : port);
  }
  {
    std::unique_lock lock(impl_->mutex);
    impl_->stopped.wait(lock, [&] { return impl_->stopping; });
  }
  MHD_stop_daemon(daemon);
}

void StaticServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->stopped.notify_all();
}

}  // namespace blogarchive::server
