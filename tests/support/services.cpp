#include "services.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace blogarchive::testing {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(port);
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(0);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, int port) {
  std::vector<char*> args;
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  for (int attempt = 0; attempt < 200; ++attempt) {
    if (accepts(port)) {
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      ADD_FAILURE() << argv[0] << " exited before it listened on port " << port;
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << argv[0] << " did not listen on port " << port << " within 10 s";
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

HttpResponse http_get(const std::string& url) {
  HttpResponse response;
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  if (curl_easy_perform(curl) == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* location = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK &&
        location != nullptr) {
      response.location = location;
    }
    char* type = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr) {
      response.content_type = type;
    }
  }
  curl_easy_cleanup(curl);
  return response;
}

std::string path_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) {
    return url;
  }
  const auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? "/" : url.substr(path);
}

std::vector<std::string> nginx_command(const std::filesystem::path& dir,
                                       const std::filesystem::path& root, int port,
                                       const std::filesystem::path& http_include,
                                       const std::filesystem::path& server_include) {
  const std::string d = dir.string();
  std::ofstream(dir / "nginx.conf")
      << "daemon off;\npid " << d << "/nginx.pid;\nerror_log " << d
      << "/error.log;\nevents {}\nhttp {\n  access_log off;\n"
      << "  client_body_temp_path " << d << "/tmp;\n  proxy_temp_path " << d
      << "/tmp;\n  fastcgi_temp_path " << d << "/tmp;\n  uwsgi_temp_path " << d
      << "/tmp;\n  scgi_temp_path " << d << "/tmp;\n"
      << "  include /etc/nginx/mime.types;\n  include " << http_include.string()
      << ";\n  server {\n    listen 127.0.0.1:" << port << ";\n    root " << root.string()
      << ";\n    include " << server_include.string() << ";\n  }\n}\n";
  return {"/usr/sbin/nginx", "-c", (dir / "nginx.conf").string()};
}

std::vector<std::string> apache_command(const std::filesystem::path& dir,
                                        const std::filesystem::path& root, int port) {
  const std::string d = dir.string();
  const std::string modules = "/usr/lib/apache2/modules/";
  std::ofstream config(dir / "httpd.conf");
  config << "ServerRoot " << d << "\nServerName 127.0.0.1\nListen 127.0.0.1:" << port
         << "\nPidFile " << d << "/httpd.pid\nDefaultRuntimeDir " << d << "\nErrorLog " << d
         << "/error.log\n";
  for (const char* module : {"mpm_event", "authz_core", "dir", "mime", "rewrite"}) {
    config << "LoadModule " << module << "_module " << modules << "mod_" << module << ".so\n";
  }
  // As root, Apache serves as www-data (the site's folders are world-readable); as
  // anyone else it keeps its own user and says so in error.log.
  config << "User www-data\nGroup www-data\nTypesConfig /etc/mime.types\nDocumentRoot "
         << root.string() << "\nDirectoryIndex index.html\n<Directory " << root.string()
         << ">\n  AllowOverride All\n  Require all granted\n</Directory>\n";
  return {"/usr/sbin/apache2", "-f", (dir / "httpd.conf").string(), "-DFOREGROUND"};
}

std::vector<std::string> caddy_command(const std::filesystem::path& dir,
                                       const std::filesystem::path& root, int port,
                                       const std::filesystem::path& site_import) {
  std::ofstream(dir / "Caddyfile")
      << "{\n  admin off\n  auto_https off\n}\nhttp://127.0.0.1:" << port << " {\n  root * "
      << root.string() << "\n  import " << site_import.string() << "\n  file_server\n}\n";
  const std::string d = dir.string();
  return {"/usr/bin/env",
          "HOME=" + d,
          "XDG_DATA_HOME=" + d + "/data",
          "XDG_CONFIG_HOME=" + d + "/config",
          "/usr/bin/caddy",
          "run",
          "--config",
          (dir / "Caddyfile").string(),
          "--adapter",
          "caddyfile"};
}

}  // namespace blogarchive::testing
