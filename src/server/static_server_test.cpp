#include "server/static_server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <thread>

#include "core/text.hpp"
#include "test_paths.hpp"

namespace blogarchive::server {
namespace {

std::filesystem::path make_site() {
  const auto dir = testing::fresh_temp_dir("serve");
  const auto root = dir / "site";
  std::filesystem::create_directories(root / "über");
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "home";
  std::ofstream(root / "über" / "index.html") << "umlaut";
  std::ofstream(root / "404.html") << "eigene 404";
  std::ofstream(root / "assets" / "style.css") << "body{}";
  std::ofstream(dir / "secret.txt") << "geheim";
  std::filesystem::create_symlink(dir / "secret.txt", root / "link.txt");
  return root;
}

// A server on a free port for the length of one test.
class RunningServer {
 public:
  explicit RunningServer(const std::filesystem::path& root, ServerLimits limits = {})
      : server_(
            root, log_,
            {{"Content-Security-Policy", "default-src 'self'"}, {"Referrer-Policy", "no-referrer"}},
            limits) {
    std::promise<int> ready;
    thread_ = std::thread(
        [&] { server_.listen("127.0.0.1", 0, [&](int port) { ready.set_value(port); }); });
    port_ = ready.get_future().get();
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  std::ostringstream log_;
  StaticServer server_;
  std::thread thread_;
  int port_ = 0;
};

// Sends raw bytes (no client library to tidy the request up) and returns everything
// the server answers until it closes the connection or `timeout` passes.
std::string raw_exchange(int port, const std::string& request,
                         std::chrono::seconds timeout = std::chrono::seconds(5),
                         std::size_t* bytes_sent = nullptr) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval limit{static_cast<time_t>(timeout.count()), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "connect failed";
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      break;
    }
    sent += static_cast<std::size_t>(n);
  }
  if (bytes_sent != nullptr) {
    *bytes_sent = sent;
  }
  std::string answer;
  char buffer[4096];
  for (;;) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      break;
    }
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

// One parsed answer of the server.
struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::string body;
  std::string header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

// `METHOD path` with `extra` header lines, one request per connection.
Answer fetch(int port, const std::string& path, const std::string& extra = {},
             const std::string& method = "GET") {
  const std::string raw = raw_exchange(
      port, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra +
                "\r\n");
  Answer answer;
  const auto head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
    return answer;
  }
  answer.status = std::stoi(raw.substr(9, 3));
  std::size_t line = raw.find("\r\n") + 2;
  while (line < head_end) {
    const std::size_t end = raw.find("\r\n", line);
    const std::string text = raw.substr(line, end - line);
    const auto colon = text.find(':');
    std::string name = text.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    answer.headers[name] = std::string(core::trim(text.substr(colon + 1)));
    line = end + 2;
  }
  answer.body = raw.substr(head_end + 4);
  return answer;
}

}  // namespace

TEST(ResolveSitePath, ServesIndexFilesAndDecodedUtf8Paths) {
  const auto root = make_site();
  EXPECT_EQ(resolve_site_path(root, "/").file, root / "index.html");
  EXPECT_EQ(resolve_site_path(root, "/%C3%BCber/").file, root / "über" / "index.html");
  EXPECT_EQ(resolve_site_path(root, "/%C3%BCber").kind, Resolution::Kind::RedirectToSlash);
}

TEST(ResolveSitePath, NeverLeavesTheRoot) {
  const auto root = make_site();
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                           "/..\\secret.txt", "/%00", "/link.txt", "/%252e%252e/secret.txt"}) {
    EXPECT_EQ(resolve_site_path(root, path).kind, Resolution::Kind::NotFound) << path;
  }
}

TEST(StaticServer, AnswersWithMimeTypesAndTheSites404Page) {
  const RunningServer server(make_site());
  const Answer css = fetch(server.port(), "/assets/style.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.body, "body{}");
  const Answer missing = fetch(server.port(), "/gibt-es-nicht/");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "eigene 404");
  EXPECT_EQ(fetch(server.port(), "/%C3%BCber/").body, "umlaut");
  const Answer directory = fetch(server.port(), "/%C3%BCber?seite=2");
  EXPECT_EQ(directory.status, 301);
  EXPECT_EQ(directory.header("location"), "/%C3%BCber/?seite=2");
}

TEST(StaticServer, SendsTheSecurityHeadersWithEveryAnswer) {
  const RunningServer server(make_site());
  for (const char* path : {"/", "/gibt-es-nicht/", "/%C3%BCber"}) {
    const Answer answer = fetch(server.port(), path);
    EXPECT_NE(answer.status, 0) << path;
    EXPECT_EQ(answer.header("content-security-policy"), "default-src 'self'") << path;
    EXPECT_EQ(answer.header("x-content-type-options"), "nosniff") << path;
    EXPECT_EQ(answer.header("referrer-policy"), "no-referrer") << path;
  }
}

TEST(StaticServer, AnswersOnlyGetAndHead) {
  const RunningServer server(make_site());
  const Answer head = fetch(server.port(), "/assets/style.css", {}, "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "6");
  EXPECT_TRUE(head.body.empty());
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"}) {
    const Answer refused = fetch(server.port(), "/index.html", {}, method);
    EXPECT_EQ(refused.status, 405) << method;
    EXPECT_EQ(refused.header("allow"), "GET, HEAD") << method;
    EXPECT_EQ(refused.body.find("home"), std::string::npos) << method;
  }
}

TEST(StaticServer, ServesByteRanges) {
  const RunningServer server(make_site());
  const Answer part = fetch(server.port(), "/assets/style.css", "Range: bytes=0-3\r\n");
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.body, "body");
  EXPECT_EQ(part.header("content-range"), "bytes 0-3/6");
  EXPECT_EQ(fetch(server.port(), "/assets/style.css", "Range: bytes=-2\r\n").body, "{}");
  EXPECT_EQ(fetch(server.port(), "/assets/style.css", "Range: bytes=4-\r\n").body, "{}");
  const Answer beyond = fetch(server.port(), "/assets/style.css", "Range: bytes=10-20\r\n");
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.header("content-range"), "bytes */6");
  // Several ranges: the whole file, which HTTP allows.
  EXPECT_EQ(fetch(server.port(), "/assets/style.css", "Range: bytes=0-1,3-4\r\n").body, "body{}");
}

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  inflateInit2(&stream, 16 + MAX_WBITS);
  std::string out(1 << 16, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

TEST(StaticServer, CompressesTextForClientsThatTakeItAndPrefersTheBuildsCopies) {
  const auto root = make_site();
  std::string page = "<!DOCTYPE html><title>Lang</title>";
  for (int i = 0; i < 100; ++i) {
    page += "<p>Die Hobelbank ist fertig.</p>";
  }
  std::ofstream(root / "lang.html") << page;
  std::ofstream(root / "assets" / "big.css") << std::string(2000, 'a');
  std::ofstream(root / "assets" / "big.css.br") << "brotli-bytes-as-the-build-wrote-them";
  const RunningServer server(root);

  const Answer gzipped = fetch(server.port(), "/lang.html", "Accept-Encoding: gzip, deflate\r\n");
  EXPECT_EQ(gzipped.status, 200);
  EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
  EXPECT_EQ(gzipped.header("vary"), "Accept-Encoding");
  EXPECT_LT(gzipped.body.size(), page.size() / 4);
  EXPECT_EQ(gunzip(gzipped.body), page);

  const Answer plain = fetch(server.port(), "/lang.html");
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.body, page);
  EXPECT_EQ(fetch(server.port(), "/lang.html", "Accept-Encoding: gzip;q=0\r\n").body, page);

  const Answer brotli = fetch(server.port(), "/assets/big.css", "Accept-Encoding: gzip, br\r\n");
  EXPECT_EQ(brotli.header("content-encoding"), "br");
  EXPECT_EQ(brotli.body, "brotli-bytes-as-the-build-wrote-them");
  // Too small to gain anything, and ranges are of the file as it is.
  EXPECT_EQ(fetch(server.port(), "/index.html", "Accept-Encoding: gzip\r\n").body, "home");
  EXPECT_EQ(
      fetch(server.port(), "/lang.html", "Accept-Encoding: gzip\r\nRange: bytes=0-14\r\n").body,
      "<!DOCTYPE html>");
}

TEST(StaticServer, LetsBrowsersRevalidatePagesAndKeepMedia) {
  const auto root = make_site();
  std::ofstream(root / "bild.png") << "not really a png";
  const RunningServer server(root);
  const Answer first = fetch(server.port(), "/index.html");
  EXPECT_EQ(first.header("cache-control"), "no-cache");
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  const Answer again = fetch(server.port(), "/index.html", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  const Answer since = fetch(server.port(), "/index.html",
                             "If-Modified-Since: " + first.header("last-modified") + "\r\n");
  EXPECT_EQ(since.status, 304);
  EXPECT_EQ(fetch(server.port(), "/index.html", "If-None-Match: \"other\"\r\n").status, 200);
  EXPECT_EQ(fetch(server.port(), "/bild.png").header("cache-control"), "public, max-age=86400");
}

TEST(StaticServer, BoundsRequestsAndClosesIdleConnections) {
  ServerLimits limits;
  limits.idle_seconds = 1;
  const RunningServer server(make_site(), limits);
  std::string many_headers = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < 500; ++i) {
    many_headers += "X-Filler-" + std::to_string(i) + ": x\r\n";
  }
  EXPECT_EQ(raw_exchange(server.port(), many_headers + "\r\n").rfind("HTTP/1.1 431", 0), 0u);
  // A huge announced body is refused before a byte of it is read.
  const std::string huge_body =
      "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1000000000\r\n\r\nx";
  EXPECT_EQ(raw_exchange(server.port(), huge_body).rfind("HTTP/1.1 405", 0), 0u);
  const std::string long_line = "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  EXPECT_EQ(raw_exchange(server.port(), long_line).find("200 OK"), std::string::npos);
  // A flood of header lines is cut off once the request head outgrows its memory,
  // instead of being held until the client stops.
  std::string flood = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2'000'000; ++i) {  // 16 MB, more than any socket buffer holds
    flood += "X-A: b\r\n";
  }
  std::size_t accepted = 0;
  EXPECT_EQ(raw_exchange(server.port(), flood, std::chrono::seconds(5), &accepted).find(" 200 "),
            std::string::npos);
  EXPECT_LT(accepted, flood.size() / 2) << "the server read on instead of hanging up";
  // Says nothing: the server must hang up well before the client's 5 s patience ends.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(raw_exchange(server.port(), ""), "");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(StaticServer, NeverServesAFileOutsideTheRootOverTheWire) {
  const auto root = make_site();
  const RunningServer server(root);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                           "/..%5csecret.txt", "/%252e%252e/secret.txt", "/link.txt",
                           "/%00/../secret.txt", "//../secret.txt", "/assets/../../secret.txt"}) {
    const std::string answer =
        raw_exchange(server.port(), std::string("GET ") + path +
                                        " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.find("geheim"), std::string::npos) << path;
    EXPECT_EQ(answer.find(" 200 "), std::string::npos) << path << ": " << answer.substr(0, 40);
  }
}

}  // namespace blogarchive::server
