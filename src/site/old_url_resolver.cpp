#include "site/old_url_resolver.hpp"

#include <algorithm>
#include <charconv>

#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::site {
namespace {

// Hosts that serve many blogs or only files: a guid or link there says nothing about
// which pages were this blog's.
bool is_shared_host(std::string_view host) {
  return host.empty() || host == "wordpress.com" || host.ends_with(".files.wordpress.com") ||
         host == "localhost" || host == "127.0.0.1";
}

// Where the old blog answered: an http(s) URL's origin, else "".
std::string web_origin_of(std::string_view url) {
  const auto parts = core::split_url(url);
  const bool web = !parts.host.empty() && (parts.scheme == "http" || parts.scheme == "https");
  return web ? core::origin_of(url) : std::string();
}

std::size_t segment_count(std::string_view path) {
  return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) -
         (path.ends_with('/') ? 1 : 0);
}

// "/a/b/c/" → "c"; "" for "/".
std::string_view last_segment(std::string_view path) {
  std::string_view trimmed = path;
  if (trimmed.ends_with('/')) {
    trimmed.remove_suffix(1);
  }
  return trimmed.substr(trimmed.rfind('/') + 1);
}

std::string parent_path(std::string_view path) {
  std::string_view trimmed = path;
  if (trimmed.ends_with('/')) {
    trimmed.remove_suffix(1);
  }
  return std::string(trimmed.substr(0, trimmed.rfind('/') + 1));
}

bool is_number(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

OldUrlResolver::OldUrlResolver(const SiteModel& model) {
  const auto& site = model.snapshot->site;
  for (const std::string* url : {&site.link, &site.base_site_url, &site.base_blog_url}) {
    if (const auto parts = core::split_url(*url); !parts.host.empty()) {
      hosts_.insert(core::host_without_www(parts.host));
    }
  }
  origin_ = web_origin_of(site.link);
  // Every address the blog's items had: their links (exports without a base URL still
  // name them, Squarespace's and Movable Type's) and their guids, which WordPress wrote
  // with the blog's address at the time and never changed when the blog moved.
  for (const auto& post : model.snapshot->posts) {
    for (const std::string* url : {&post.link, &post.guid}) {
      const auto parts = core::split_url(*url);
      if ((parts.scheme == "http" || parts.scheme == "https") && !is_shared_host(parts.host)) {
        hosts_.insert(core::host_without_www(parts.host));
        if (origin_.empty()) {
          origin_ = web_origin_of(*url);
        }
      }
    }
  }
  std::map<std::int64_t, const blog::Post*> by_post_id;
  for (const auto& post : model.snapshot->posts) {
    by_post_id[post.id] = &post;
  }
  for (const auto& post : model.snapshot->posts) {
    const auto published = model.path_of_post.find(post.id);
    const auto old_path = path_of_url(post.link);
    if (published != model.path_of_post.end()) {
      by_id_[post.id] = published->second;
      item_by_path_[published->second] = published->second;
      if (old_path) {
        by_path_[*old_path] = published->second;
        item_by_path_[*old_path] = published->second;
      }
      for (const auto& alias : post.aliases) {
        if (const auto alias_path = path_of_url(alias)) {
          by_path_.emplace(*alias_path, published->second);  // a real permalink wins over an alias
        }
      }
      if (!post.slug.empty()) {
        const auto [slot, inserted] = by_slug_.emplace(post.slug, published->second);
        if (!inserted && slot->second != published->second) {
          slot->second.clear();  // two items share the slug: it names neither
        }
      }
    } else if (post.type == blog::ItemKind::Attachment) {
      // An attachment's page showed its image on the old blog; the archive shows it in
      // the post it belongs to.
      const auto parent = model.path_of_post.find(post.parent_id);
      if (parent != model.path_of_post.end()) {
        by_id_[post.id] = parent->second;
        if (old_path && *old_path != "/") {
          by_path_.emplace(*old_path, parent->second);
        }
      }
    } else {
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
    if (listing.kind == Listing::Kind::Category || listing.kind == Listing::Kind::Tag) {
      const std::string_view path = listing.base_path;
      const std::string_view first = path.substr(1, path.find('/', 1) - 1);
      term_listing_.emplace(std::string(first) + "/" + listing.slug, listing.base_path);
    }
  }
  for (const auto& index : model.term_indexes) {
    by_path_.emplace(index.path, index.path);
  }
  for (const auto& [id, path] : model.path_of_post) {
    by_path_.emplace(path, path);
  }
}

std::optional<std::string> OldUrlResolver::path_for_id(std::string_view id_text,
                                                       bool& unpublished) const {
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
  const bool old_host =
      parts.has_authority &&
      (parts.scheme == "http" || parts.scheme == "https" || parts.scheme.empty()) &&
      hosts_.count(core::host_without_www(parts.host)) > 0;
  return root_relative || old_host;
}

std::optional<OldUrlTarget> OldUrlResolver::by_query(const core::UrlParts& parts,
                                                     const std::string& fragment) const {
  bool unpublished = false;
  for (const char* key : {"p", "page_id", "attachment_id"}) {
    if (auto id = core::query_value(parts.query, key)) {
      if (auto path = path_for_id(*id, unpublished)) {
        return OldUrlTarget{OldUrlTarget::Kind::Archive, href(*path) + fragment, false};
      }
      return unpublished ? OldUrlTarget{OldUrlTarget::Kind::Unpublished, {}, false}
                         : OldUrlTarget{};
    }
  }
  return std::nullopt;
}

std::optional<std::string> OldUrlResolver::by_suffix(const std::string& path, bool strict) const {
  // Longest first: "/mike/blog/2009/05/x/" tries "/blog/2009/05/x/", then "/2009/05/x/".
  for (auto slash = path.find('/', 1); slash != std::string::npos && slash + 1 < path.size();
       slash = path.find('/', slash + 1)) {
    const std::string suffix = path.substr(slash);
    if (strict && segment_count(suffix) < 2) {
      break;  // "/about/" on another host is that host's own page
    }
    const auto& table = strict ? item_by_path_ : by_path_;
    if (const auto found = table.find(suffix); found != table.end() && found->second != "/") {
      return found->second;
    }
  }
  return std::nullopt;
}

std::optional<std::string> OldUrlResolver::recover(const std::string& path, bool strict,
                                                   std::string& fragment) const {
  if (auto found = by_suffix(path, strict)) {
    return found;
  }
  if (strict || path == "/") {
    return std::nullopt;
  }
  // A nested category (/category/parent/child/) or a term under a moved prefix.
  for (const char* kind : {"/category/", "/tag/"}) {
    if (path.find(kind) != std::string::npos) {
      const std::string key = std::string(kind).substr(1) + std::string(last_segment(path));
      if (const auto found = term_listing_.find(key); found != term_listing_.end()) {
        return found->second;
      }
    }
  }
  // Below an item: its later pages (<!--nextpage-->: /slug/2/), comment pages
  // (/slug/comment-page-2/) and attachment pages (/slug/image-name/).
  // A file below an item's path (…/slug/data.csv) was a file, not the item.
  const std::string parent = parent_path(path);
  if (parent != "/" && last_segment(path).find('.') == std::string_view::npos) {
    const auto item = item_by_path_.find(parent);
    std::optional<std::string> found =
        item != item_by_path_.end() ? std::optional(item->second) : by_suffix(parent, true);
    if (found) {
      if (last_segment(path).starts_with("comment-page-") && fragment.empty()) {
        fragment = "#comments";
      }
      return found;
    }
  }
  const std::string_view slug = last_segment(path);
  if (!slug.empty() && !is_number(slug)) {
    if (const auto found = by_slug_.find(std::string(slug));
        found != by_slug_.end() && !found->second.empty()) {
      return found->second;
    }
  }
  return std::nullopt;
}

OldUrlTarget OldUrlResolver::resolve(std::string_view url) const {
  const core::UrlParts parts = core::split_url(url);
  const bool old = is_old_blog_url(parts);
  const bool web = parts.scheme == "http" || parts.scheme == "https";
  if (!old && !web) {
    return {};
  }
  std::string fragment = parts.fragment.empty() ? "" : "#" + parts.fragment;
  if (old) {
    if (auto target = by_query(parts, fragment)) {
      return *target;
    }
  }
  // "http://blog.example" and "/" are the blog's front page.
  auto path = normalize_path(core::percent_decode(parts.path));
  if (!path && parts.path.find_first_not_of('/') == std::string::npos &&
      (parts.has_authority || !parts.path.empty())) {
    path = "/";
  }
  if (!path || !parts.query.empty()) {
    return {};
  }
  if (old) {
    if (const auto found = by_path_.find(*path); found != by_path_.end()) {
      return {OldUrlTarget::Kind::Archive, href(found->second) + fragment};
    }
    if (unpublished_paths_.count(*path) > 0) {
      return {OldUrlTarget::Kind::Unpublished, {}};
    }
  }
  if (auto found = recover(*path, !old, fragment)) {
    return {OldUrlTarget::Kind::Archive, href(*found) + fragment, true};
  }
  return {};
}

}  // namespace blogarchive::site
