#include "pipeline/media_references.hpp"

#include <functional>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "core/url.hpp"
#include "site/media_files.hpp"
#include "site/paths.hpp"

namespace blogarchive::pipeline {
namespace {

// Characters that end a URL wherever it is written: in an attribute, a srcset list,
// a shortcode, Markdown's (…) or plain text.
bool ends_url(char c) {
  return std::string_view(" \t\r\n\"'<>()[],").find(c) != std::string_view::npos;
}

// Where the blog's pages were, and where a WordPress.com blog's files are.
struct MediaHosts {
  std::set<std::string> blog;
  std::set<std::string> media;
};

std::set<std::string> old_hosts(const blog::Snapshot& snapshot) {
  std::set<std::string> hosts;
  for (const std::string* url :
       {&snapshot.site.link, &snapshot.site.base_site_url, &snapshot.site.base_blog_url}) {
    if (const auto parts = core::split_url(*url); !parts.host.empty()) {
      hosts.insert(core::host_without_www(parts.host));
    }
  }
  for (const auto& post : snapshot.posts) {
    if (const auto parts = core::split_url(post.link);
        !parts.host.empty() && blog::is_published(post)) {
      hosts.insert(core::host_without_www(parts.host));
    }
  }
  return hosts;
}

// The whole URL around `at` in `text`: [begin, end).
std::string_view url_around(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && !ends_url(text[begin - 1])) {
    --begin;
  }
  std::size_t end = at;
  while (end < text.size() && !ends_url(text[end])) {
    ++end;
  }
  return text.substr(begin, end - begin);
}

// Every URL in `text` whose path starts with `prefix`, and every URL on a WordPress.com
// media host (site::wordpress_com_media_hosts), as decoded normalized media paths.
void scan(std::string_view text, const std::string& prefix, const MediaHosts& hosts,
          const std::function<void(std::string)>& found) {
  for (const auto& media_host : hosts.media) {
    const std::string needle = media_host + "/";
    for (std::size_t at = text.find(needle); at != std::string_view::npos;
         at = text.find(needle, at + 1)) {
      if (auto path = site::media_host_path(url_around(text, at), hosts.media, prefix)) {
        found(std::move(*path));
      }
    }
  }
  for (std::size_t at = text.find(prefix); at != std::string_view::npos;
       at = text.find(prefix, at + 1)) {
    const core::UrlParts parts = core::split_url(url_around(text, at));
    const bool ours = parts.has_authority ? hosts.blog.count(core::host_without_www(parts.host)) > 0
                                          : parts.scheme.empty() && parts.path.starts_with(prefix);
    if (!ours) {
      continue;
    }
    if (const auto path = site::normalize_path(core::percent_decode(parts.path));
        path && path->starts_with(prefix)) {
      found(*path);
    }
  }
}

}  // namespace

std::string media_prefix_of(const blog::Snapshot& snapshot) {
  for (const auto& post : snapshot.posts) {
    if (post.type != blog::ItemKind::Attachment || post.attachment_url.empty()) {
      continue;
    }
    const std::string path = core::percent_decode(core::split_url(post.attachment_url).path);
    for (const char* folder : {"/uploads/", "/files/"}) {
      if (const auto at = path.find(folder); at != std::string::npos) {
        return path.substr(0, at + std::string_view(folder).size());
      }
    }
  }
  return "/wp-content/uploads/";
}

std::map<std::string, std::vector<const blog::Post*>> media_references(
    const blog::Snapshot& snapshot, const std::string& prefix) {
  const MediaHosts hosts{old_hosts(snapshot), site::wordpress_com_media_hosts(snapshot)};
  std::map<std::string, std::vector<const blog::Post*>> references;
  std::map<std::int64_t, const blog::Post*> galleries;  // published items that show a [gallery]
  for (const auto& post : snapshot.posts) {
    if (!blog::is_published(post)) {
      continue;
    }
    const auto add = [&](std::string path) {
      auto& users = references[std::move(path)];
      if (users.empty() || users.back() != &post) {
        users.push_back(&post);
      }
    };
    scan(post.content, prefix, hosts, add);
    scan(post.excerpt, prefix, hosts, add);
    if (post.content.find("[gallery") != std::string::npos) {
      galleries[post.id] = &post;
    }
  }
  // A gallery shows the item's own attachments, or the attachments its ids= names.
  std::map<std::int64_t, const blog::Post*>
      named;  // attachment id → the item whose gallery names it
  static const std::regex kIds(R"re(\[gallery[^\]]*\bids\s*=\s*["']?([0-9, ]+))re");
  for (const auto& [id, post] : galleries) {
    for (std::sregex_iterator it(post->content.begin(), post->content.end(), kIds), end; it != end;
         ++it) {
      const std::string ids = (*it)[1].str();
      for (const auto number : core::split(ids, ',')) {
        named.emplace(std::strtoll(std::string(number).c_str(), nullptr, 10), post);
      }
    }
  }
  for (const auto& post : snapshot.posts) {
    const auto parent = galleries.find(post.parent_id);
    const auto naming = named.find(post.id);
    if (post.type != blog::ItemKind::Attachment ||
        (parent == galleries.end() && naming == named.end())) {
      continue;
    }
    const blog::Post* user = parent != galleries.end() ? parent->second : naming->second;
    scan(post.attachment_url, prefix, hosts,
         [&](std::string path) { references[std::move(path)].push_back(user); });
  }
  // Every page shows the site icon; no item uses it.
  scan(snapshot.site.icon_url, prefix, hosts,
       [&](std::string path) { references[std::move(path)]; });
  return references;
}

}  // namespace blogarchive::pipeline
