#include "server/static_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

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
      : server_(root, log_, {{"Content-Security-Policy", "default-src 'self'"}, {"Referrer-Policy", "no-referrer"}},
                limits) {
    std::promise<int> ready;
    thread_ = std::thread([&] { server_.listen("127.0.0.1", 0, [&](int port) { ready.set_value(port); }); });
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
std::string raw_exchange(int port, const std::string& request, std::chrono::seconds timeout = std::chrono::seconds(5)) {
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
  const auto root = make_site();
  std::ostringstream log;
  StaticServer server(root, log);
  std::promise<int> ready;
  std::thread thread([&] { server.listen("127.0.0.1", 0, [&](int port) { ready.set_value(port); }); });
  const int port = ready.get_future().get();
  httplib::Client client("127.0.0.1", port);
  const auto css = client.Get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  const auto missing = client.Get("/gibt-es-nicht/");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, "eigene 404");
  const auto umlaut = client.Get("/%C3%BCber/");
  ASSERT_TRUE(umlaut);
  EXPECT_EQ(umlaut->body, "umlaut");
  server.stop();
  thread.join();
}

TEST(StaticServer, SendsTheSecurityHeadersWithEveryAnswer) {
  const RunningServer server(make_site());
  httplib::Client client("127.0.0.1", server.port());
  for (const char* path : {"/", "/gibt-es-nicht/", "/%C3%BCber"}) {
    const auto response = client.Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->get_header_value("Content-Security-Policy"), "default-src 'self'") << path;
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(response->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST(StaticServer, AnswersOnlyGetAndHead) {
  ServerLimits limits;
  limits.idle_seconds = 1;  // an unknown method gets 400 and the connection idles out
  const RunningServer server(make_site(), limits);
  httplib::Client client("127.0.0.1", server.port());
  const auto head = client.Head("/assets/style.css");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("Content-Length"), "6");
  EXPECT_TRUE(head->body.empty());
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    const std::string answer =
        raw_exchange(server.port(), std::string(method) + " /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.rfind("HTTP/1.1 405", 0), 0u) << method << ": " << answer.substr(0, 40);
    EXPECT_NE(answer.find("Allow: GET, HEAD"), std::string::npos) << method;
  }
  const std::string unknown = raw_exchange(server.port(), "BREW /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(unknown.find("home"), std::string::npos);
  EXPECT_EQ(unknown.rfind("HTTP/1.1 4", 0), 0u) << unknown.substr(0, 40);
}

TEST(StaticServer, ServesByteRanges) {
  const RunningServer server(make_site());
  httplib::Client client("127.0.0.1", server.port());
  const auto part = client.Get("/assets/style.css", {{"Range", "bytes=0-3"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, "body");
  EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 0-3/6");
  const auto tail = client.Get("/assets/style.css", {{"Range", "bytes=-2"}});
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->body, "{}");
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
  const std::string huge_body = "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1000000000\r\n\r\nx";
  EXPECT_EQ(raw_exchange(server.port(), huge_body).rfind("HTTP/1.1 405", 0), 0u);
  const std::string long_line = "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  EXPECT_EQ(raw_exchange(server.port(), long_line).find("200 OK"), std::string::npos);
  // Says nothing: the server must hang up well before the client's 5 s patience ends.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(raw_exchange(server.port(), ""), "");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(StaticServer, NeverServesAFileOutsideTheRootOverTheWire) {
  const auto root = make_site();
  const RunningServer server(root);
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt",
                           "/%252e%252e/secret.txt", "/link.txt", "/%00/../secret.txt", "//../secret.txt",
                           "/assets/../../secret.txt"}) {
    const std::string answer =
        raw_exchange(server.port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.find("geheim"), std::string::npos) << path;
    EXPECT_EQ(answer.find(" 200 "), std::string::npos) << path << ": " << answer.substr(0, 40);
  }
}

}  // namespace blogarchive::server
