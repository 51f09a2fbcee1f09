#include "site/old_url_resolver.hpp"

#include <charconv>

#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::site {
OldUrlResolver::OldUrlResolver(const SiteModel& model) {
  const auto& site = model.snapshot->site;
  for (const std::string* url : {&site.link, &site.base_site_url, &site.base_blog_url}) {
    if (const auto parts = core::split_url(*url); !parts.host.empty()) {
      hosts_.insert(core::host_without_www(parts.host));
    }
  }
  // Exports that do not name the blog's address (Movable Type's) still give each
  // published post its old URL: those hosts are the blog's.
  if (hosts_.empty()) {
    for (const auto& post : model.snapshot->posts) {
      const auto parts = core::split_url(post.link);
      if (model.path_of_post.count(post.id) > 0 && !parts.host.empty()) {
        hosts_.insert(core::host_without_www(parts.host));
      }
    }
  }
  for (const auto& post : model.snapshot->posts) {
    const auto published = model.path_of_post.find(post.id);
    const auto old_path = path_of_url(post.link);
    if (published != model.path_of_post.end()) {
      by_id_[post.id] = published->second;
      if (old_path) {
        by_path_[*old_path] = published->second;
      }
      for (const auto& alias : post.aliases) {
        if (const auto alias_path = path_of_url(alias)) {
          by_path_.emplace(*alias_path, published->second);  // a real permalink wins over an alias
        }
      }
    } else if (post.type != "attachment") {
      unpublished_ids_.insert(post.id);
      for (const auto& alias : post.aliases) {
        if (const auto alias_path = path_of_url(alias); alias_path && *alias_path != "/") {
          unpublished_paths_.insert(*alias_path);
        }
      }
      if (old_path && *old_path != "/") {
        unpublished_paths_.insert(*old_path);
      }
    }
  }
  for (const auto& listing : model.listings) {
    by_path_.emplace(listing.base_path, listing.base_path);
  }
  for (const auto& [id, path] : model.path_of_post) {
    by_path_.emplace(path, path);
  }
}

std::optional<std::string> OldUrlResolver::path_for_id(std::string_view id_text, bool& unpublished) const {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (error != std::errc{} || end != id_text.data() + id_text.size()) {
    return std::nullopt;
  }
  if (const auto found = by_id_.find(id); found != by_id_.end()) {
    return found->second;
  }
  unpublished = unpublished_ids_.count(id) > 0;
  return std::nullopt;
}

bool OldUrlResolver::is_old_blog_url(const core::UrlParts& parts) const {
  const bool root_relative = !parts.has_authority && parts.scheme.empty() && !parts.path.empty() &&
                             parts.path.front() == '/';
  const bool old_host = parts.has_authority && (parts.scheme == "http" || parts.scheme == "https" ||
                                                parts.scheme.empty()) &&
                        hosts_.count(core::host_without_www(parts.host)) > 0;
  return root_relative || old_host;
}

OldUrlTarget OldUrlResolver::resolve(std::string_view url) const {
  const core::UrlParts parts = core::split_url(url);
  if (!is_old_blog_url(parts)) {
    return {};
  }
  const std::string fragment = parts.fragment.empty() ? "" : "#" + parts.fragment;
  bool unpublished = false;
  for (const char* key : {"p", "page_id"}) {
    if (auto id = core::query_value(parts.query, key)) {
      if (auto path = path_for_id(*id, unpublished)) {
        return {OldUrlTarget::Kind::Archive, href(*path) + fragment};
      }
      return unpublished ? OldUrlTarget{OldUrlTarget::Kind::Unpublished, {}} : OldUrlTarget{};
    }
  }
  const auto path = normalize_path(core::percent_decode(parts.path));
  if (!path || !parts.query.empty()) {
    return {};
  }
  if (const auto found = by_path_.find(*path); found != by_path_.end()) {
    return {OldUrlTarget::Kind::Archive, href(found->second) + fragment};
  }
  if (unpublished_paths_.count(*path) > 0) {
    return {OldUrlTarget::Kind::Unpublished, {}};
  }
  return {};
}

}  // namespace blogarchive::site
