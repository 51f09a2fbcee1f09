// Every old URL of a blog answers on the servers an archive lands on, Debian's own, on
// 127.0.0.1: nginx with the maps `export --nginx` writes, Apache with the site's
// .htaccess, Caddy with `export --caddy`, and `blogarchive serve` with _redirects: a 301
// to the page that answers it, and that page answers 200.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "blog/post.hpp"
#include "core/text.hpp"
#include "imported.hpp"
#include "importers/wordpress/wxr_reader.hpp"
#include "run_cli.hpp"
#include "services.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

struct OldUrlCase {
  std::string name;
  std::filesystem::path input;
  std::filesystem::path config;
  bool wordpress = false;
};

std::ostream& operator<<(std::ostream& out, const OldUrlCase& c) {
  return out << c.name;
}

// One line of the site's `_redirects`, as a request and the Location it must get.
struct Expectation {
  std::string request;
  std::string location;
};

// Read with the test's own few lines, not with the RedirectMatcher that serve uses.
std::vector<Expectation> expectations_from(const std::string& redirects_file) {
  std::vector<Expectation> out;
  std::istringstream lines(redirects_file);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
    if (f.empty() || f[0][0] == '#' || f.back() == "404") {  // 404s: check_every_post_id
      continue;
    }
    if (f.size() == 4 && f[1] == "s=:s") {
      out.push_back({f[0] + "?s=Hobel%20bank", "/search/?q=Hobel%20bank"});
    } else if (f.size() == 4) {
      out.push_back({f[0] + "?utm_source=x&" + f[1], f[2]});
    } else if (f.size() == 3) {
      out.push_back({f[0], f[1]});
      if (f[0].size() > 1 && f[0].back() == '/') {
        out.push_back({f[0].substr(0, f[0].size() - 1), f[1]});  // without its trailing slash
      }
    }
  }
  return out;
}

// Asks `base` for every expectation; returns how many were checked.
std::size_t check_every_old_url(const std::string& base, const std::vector<Expectation>& expected) {
  std::size_t checked = 0;
  for (const auto& e : expected) {
    const HttpResponse old = http_get(base + e.request);
    EXPECT_EQ(old.status, 301) << e.request;
    // Caddy writes a space in a query as '+', the others as %20: the same to every reader.
    std::string location = path_of(old.location);
    if (const auto query = location.find('?'); query != std::string::npos) {
      for (auto plus = location.find('+', query); plus != std::string::npos;
           plus = location.find('+', plus)) {
        location.replace(plus, 1, "%20");
      }
    }
    EXPECT_EQ(location, e.location) << e.request;
    if (old.status == 301) {
      const HttpResponse now = http_get(old.location);
      EXPECT_EQ(now.status, 200) << e.request << " -> " << old.location;
    }
    ++checked;
  }
  return checked;
}

// Independent of the table: each published WordPress item's ?p=ID reaches a page that
// shows its title; an unpublished or unknown id gets a 404.
void check_every_post_id(const std::string& base, const OldUrlCase& c) {
  const auto imported = import_with(importers::wordpress::WxrImporter(), c.input);
  std::size_t published = 0;
  std::size_t never_published = 0;
  for (const auto& post : imported.sink.posts) {
    if (!blog::is_published(post)) {
      // A draft's, private or trashed item's id is answered as WordPress answered it
      // to a visitor: not found, not the overview.
      if (post.type == blog::ItemKind::Article || post.type == blog::ItemKind::Page) {
        EXPECT_EQ(http_get(base + "/?p=" + std::to_string(post.id)).status, 404)
            << post.id << " " << post.status;
        ++never_published;
      }
      continue;
    }
    ++published;
    const HttpResponse old = http_get(base + "/?p=" + std::to_string(post.id));
    ASSERT_EQ(old.status, 301) << post.id;
    const HttpResponse now = http_get(old.location);
    EXPECT_EQ(now.status, 200) << post.id;
    const bool plain_title = std::all_of(post.title.begin(), post.title.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == ' ';
    });
    if (plain_title && !post.title.empty()) {
      EXPECT_NE(now.body.find(post.title), std::string::npos) << post.id << " " << post.title;
    }
  }
  EXPECT_GT(published, 10u);
  EXPECT_GT(never_published, 0u);
  for (const char* unknown :
       {"/?p=987654", "/index.php?p=987654", "/?page_id=987654&utm_source=x"}) {
    const HttpResponse answer = http_get(base + unknown);
    EXPECT_EQ(answer.status, 404) << unknown;
  }
  // The overview itself, and queries the old blog did not use, still answer.
  EXPECT_EQ(http_get(base + "/").status, 200);
  EXPECT_EQ(http_get(base + "/?utm_source=x").status, 200);
}

class OldUrls : public ::testing::TestWithParam<OldUrlCase> {};

TEST_P(OldUrls, AnswerOnNginxApacheCaddyAndServeWithA301ToAPageThatAnswers) {
  const OldUrlCase& c = GetParam();
  if (c.name == "theme_unit_test") {
    BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  }
  const auto dir = fresh_temp_dir("old-urls-" + c.name);
  for (const auto& beside : std::filesystem::directory_iterator(c.config.parent_path())) {
    if (beside.path().extension() == ".md") {  // a privacy policy the config names
      std::filesystem::copy_file(beside.path(), dir / beside.path().filename());
    }
  }
  const auto built = import_and_build(dir, {c.input}, read_file(c.config));
  ASSERT_EQ(built.build.exit_code, 0) << built.build.output;
  const auto exported =
      run_cli({"export", "--store", dir.string() + "/blog.db", "--config",
               dir.string() + "/archive.toml", "--nginx", dir.string() + "/redirects.conf"});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const auto expected = expectations_from(built.files.at("_redirects"));
  ASSERT_GT(expected.size(), 5u);

  // Every server the archive may land on, each reading the redirects in its own format.
  std::filesystem::create_directories(dir / "nginx" / "tmp");
  std::filesystem::create_directories(dir / "apache");
  std::filesystem::create_directories(dir / "caddy");
  const auto caddy_export =
      run_cli({"export", "--store", dir.string() + "/blog.db", "--config",
               dir.string() + "/archive.toml", "--caddy", dir.string() + "/caddy/redirects.caddy"});
  ASSERT_EQ(caddy_export.exit_code, 0) << caddy_export.output;
  const std::filesystem::path site = dir / "site";
  struct Server {
    std::string name;
    std::vector<std::string> command;
  };
  std::vector<Server> servers;
  const int nginx_port = free_port();
  servers.push_back({"nginx", nginx_command(dir / "nginx", site, nginx_port, dir / "redirects.conf",
                                            dir / "redirects.server.conf")});
  const int apache_port = free_port();
  servers.push_back({"apache", apache_command(dir / "apache", site, apache_port)});
  const int caddy_port = free_port();
  servers.push_back(
      {"caddy", caddy_command(dir / "caddy", site, caddy_port, dir / "caddy/redirects.caddy")});
  const int serve_port = free_port();
  servers.push_back(
      {"serve",
       {cli_path().string(), "serve", site.string(), "--port", std::to_string(serve_port)}});
  const int ports[] = {nginx_port, apache_port, caddy_port, serve_port};
  std::vector<std::string> bases;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    SCOPED_TRACE(servers[i].name);
    const BackgroundProcess server(servers[i].command, ports[i]);
    ASSERT_TRUE(server.running()) << servers[i].name;
    const std::string base = "http://127.0.0.1:" + std::to_string(ports[i]);
    EXPECT_EQ(check_every_old_url(base, expected), expected.size());
    if (c.wordpress) {
      check_every_post_id(base, c);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Blogs, OldUrls,
    ::testing::Values(OldUrlCase{"sample", source_dir() / "examples/werkstattblog.wordpress.xml",
                                 source_dir() / "examples/archive.toml", true},
                      OldUrlCase{"theme_unit_test",
                                 shared_fixtures_dir() /
                                     "wordpress-theme-unit-test/themeunittestdata.wordpress.xml",
                                 source_dir() / "tests/browser/theme-unit-test.toml", true},
                      OldUrlCase{"hugo", source_dir() / "tests/golden/hugo/input/site",
                                 source_dir() / "tests/golden/hugo/input/archive.toml"},
                      OldUrlCase{"blogger", source_dir() / "tests/golden/blogger/input/blog.xml",
                                 source_dir() / "tests/golden/blogger/input/archive.toml"}),
    [](const auto& test) { return test.param.name; });

}  // namespace
}  // namespace blogarchive::testing
