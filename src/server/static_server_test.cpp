#include "server/static_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

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

}  // namespace blogarchive::server
