#include "site/media_files.hpp"

#include <algorithm>
#include <regex>
#include <tuple>

#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::site {

std::optional<std::string> original_of_resized(std::string_view path) {
  // name-300x200.jpg, name-scaled.jpg, name-300x200-scaled? (never written by WordPress).
  static const std::regex kResized(R"(^(.*)-(?:\d{1,5}x\d{1,5}|scaled)(\.[A-Za-z0-9]{2,5})$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(path.begin(), path.end(), match, kResized)) {
    return std::nullopt;
  }
  return match.str(1) + match.str(2);
}

bool is_server_script(std::string_view path) {
  static const std::regex kScript(
      R"((\.(php\d?|phtml|phar|pht|cgi|pl|py|asp|aspx|jsp|shtml?)(\.[^/]*)?|/\.ht[^/]*)$)",
      std::regex::icase);
  return std::regex_search(path.begin(), path.end(), kScript);
}

std::set<std::string> wordpress_com_media_hosts(const blog::Snapshot& snapshot) {
  constexpr std::string_view kFiles = ".files.wordpress.com";
  constexpr std::string_view kBlogs = ".wordpress.com";
  std::set<std::string> hosts;
  const auto add = [&](const std::string& url) {
    const std::string host = core::host_without_www(core::split_url(url).host);
    if (host.ends_with(kFiles) && host.size() > kFiles.size()) {
      hosts.insert(host);
    } else if (host.ends_with(kBlogs) && host.size() > kBlogs.size() &&
               host.find('.') == host.size() - kBlogs.size()) {
      hosts.insert(host.substr(0, host.size() - kBlogs.size()) + std::string(kFiles));
    }
  };
  for (const std::string* url : {&snapshot.site.link, &snapshot.site.base_blog_url}) {
    add(*url);
  }
  for (const auto& post : snapshot.posts) {
    add(post.type == blog::ItemKind::Attachment ? post.attachment_url : post.guid);
  }
  return hosts;
}

std::optional<std::string> media_host_path(std::string_view url, const std::set<std::string>& hosts,
                                           std::string_view prefix) {
  if (hosts.empty()) {
    return std::nullopt;
  }
  const core::UrlParts parts = core::split_url(url);
  if (!parts.has_authority || hosts.count(core::host_without_www(parts.host)) == 0) {
    return std::nullopt;
  }
  const auto path = normalize_path(core::percent_decode(parts.path));
  if (!path || *path == "/") {
    return std::nullopt;
  }
  std::string media(prefix);
  if (!media.ends_with('/')) {
    media += '/';
  }
  return media + path->substr(1);
}

MediaFiles::MediaFiles(std::vector<std::string> paths, std::string prefix,
                       std::map<std::string, core::ImageSize, std::less<>> image_sizes)
    : paths_(paths.begin(), paths.end()),
      image_sizes_(std::move(image_sizes)),
      prefix_(prefix.empty() ? kDefaultMediaPrefix : std::move(prefix)) {
  for (const auto& [path, size] : image_sizes_) {
    if (const auto original = original_of_resized(path); original && paths_.contains(*original)) {
      variants_[*original].push_back(path);
    }
  }
}

std::optional<core::ImageSize> MediaFiles::image_size(std::string_view path) const {
  const auto found = image_sizes_.find(path);
  return found == image_sizes_.end() ? std::nullopt : std::optional(found->second);
}

std::vector<std::pair<std::string, core::ImageSize>> MediaFiles::image_variants(
    std::string_view path) const {
  const std::string original = original_of_resized(path).value_or(std::string(path));
  const auto resized = variants_.find(original);
  const auto original_size = image_size(original);
  if (resized == variants_.end() || !original_size) {
    return {};
  }
  std::vector<std::pair<std::string, core::ImageSize>> all{{original, *original_size}};
  for (const auto& variant : resized->second) {
    all.emplace_back(variant, image_sizes_.at(variant));
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.second.width, a.first) < std::tie(b.second.width, b.first);
  });
  return all;
}

std::optional<std::string> MediaFiles::find(std::string_view path) const {
  if (paths_.contains(path)) {
    return std::string(path);
  }
  if (auto original = original_of_resized(path); original && paths_.contains(*original)) {
    return original;
  }
  return std::nullopt;
}

bool MediaFiles::in_media_folder(std::string_view path) const {
  return path.starts_with(prefix_);
}

}  // namespace blogarchive::site
