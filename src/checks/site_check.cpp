#include "checks/site_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "checks/page_links.hpp"
#include "core/files.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "redirects/redirect_formats.hpp"
#include "site/paths.hpp"

namespace blogarchive::checks {
namespace {

// RFC 3986 reference resolution, for paths only: "../x" against "/a/b/" is "/a/x".
std::string resolve_path(const std::string& page, std::string_view reference) {
  std::string joined = reference.starts_with('/')
                           ? std::string(reference)
                           : page.substr(0, page.rfind('/') + 1) + std::string(reference);
  std::vector<std::string_view> segments;
  const auto parts = core::split(joined, '/');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] == "..") {
      if (!segments.empty())
        segments.pop_back();
    } else if (parts[i] != "." && !(parts[i].empty() && i > 0 && i + 1 < parts.size())) {
      segments.push_back(parts[i]);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    out += i == 0 ? std::string(segments[i]) : "/" + std::string(segments[i]);
  }
  if (parts.back() == ".." || parts.back() == ".") {
    out += '/';
  }
  return out.empty() || out.front() != '/' ? "/" + out : out;
}

// What the site answers for a decoded path: a file, a folder with an index, or nothing.
bool site_has(const std::filesystem::path& site_dir, const std::string& decoded_path) {
  if (decoded_path.find('\0') != std::string::npos) {
    return false;
  }
  const std::filesystem::path relative =
      std::filesystem::path(decoded_path.substr(1)).lexically_normal();
  if (!relative.empty() && *relative.begin() == "..") {
    return false;
  }
  const auto file = site_dir / relative;
  return decoded_path.ends_with('/') ? std::filesystem::is_regular_file(file / "index.html")
                                     : std::filesystem::is_regular_file(file) ||
                                           std::filesystem::is_regular_file(file / "index.html");
}

bool is_not_a_location(std::string_view url) {
  const std::string lower = core::to_lower_ascii(url.substr(0, 11));
  return url.empty() || url.front() == '#' || lower.starts_with("mailto:") ||
         lower.starts_with("tel:") || lower.starts_with("data:");
}

}  // namespace

void check_links(const std::filesystem::path& site_dir, const std::string& base_url,
                 CheckReport& report) {
  const core::UrlParts base = core::split_url(base_url);
  const redirects::RedirectMatcher redirects(core::read_file(site_dir / "_redirects").value_or(""));
  std::vector<std::filesystem::path> pages;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(site_dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".html") {
      pages.push_back(entry.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  for (const auto& file : pages) {
    const std::string page =
        site::route_of_file(file.lexically_relative(site_dir).generic_string());
    ++report.pages;
    for (const auto& link : page_links(core::read_file(file).value_or(""))) {
      if (is_not_a_location(link.url)) {
        continue;
      }
      const core::UrlParts parts = core::split_url(link.url);
      const bool ours = !parts.has_authority || (!base.host.empty() && parts.host == base.host);
      if (!ours || (!parts.scheme.empty() && parts.scheme != "http" && parts.scheme != "https")) {
        ++report.external_links;
        ++report.external_by_domain[parts.host.empty() ? parts.scheme + ":" : parts.host];
        continue;
      }
      ++report.internal_links;
      const std::string path =
          resolve_path(page, core::percent_decode(parts.path.empty() ? page : parts.path));
      if (!site_has(site_dir, path) && !redirects.location_for(core::percent_encode_path(path))) {
        report.broken.push_back({page, link.url, link.is_resource});
      }
    }
  }
}

void check_old_urls(const std::filesystem::path& site_dir, const blog::Snapshot& snapshot,
                    CheckReport& report) {
  const redirects::RedirectMatcher redirects(core::read_file(site_dir / "_redirects").value_or(""));
  const bool wordpress = snapshot.site.format.starts_with("wxr");
  std::map<std::int64_t, const blog::Post*> published;
  for (const auto& post : snapshot.posts) {
    if (blog::is_published(post)) {
      published[post.id] = &post;
    }
  }
  const auto ask = [&](const std::string& target, const blog::Post& post) {
    ++report.old_urls;
    if (const auto location = redirects.location_for(target)) {
      const std::string to = core::percent_decode(core::split_url(*location).path);
      if (!site_has(site_dir, to)) {
        report.unanswered.push_back(
            {target, blog::describe(post), "redirected to " + *location + ", which is missing"});
      }
      return;
    }
    const auto path = target.find('?') == std::string::npos
                          ? site::normalize_path(core::percent_decode(target))
                          : std::nullopt;
    if (!path || !site_has(site_dir, *path)) {
      report.unanswered.push_back({target, blog::describe(post), "neither a page nor a redirect"});
    }
  };
  for (const auto& post : snapshot.posts) {
    const auto parent =
        published.find(post.type == blog::ItemKind::Attachment ? post.parent_id : post.id);
    if (parent == published.end()) {
      continue;  // nothing of an unpublished item has to answer
    }
    // An attachment whose link is its file is media, which the media lines report.
    const bool link_is_file =
        post.type == blog::ItemKind::Attachment &&
        site::path_of_url(post.link) == site::path_of_url(post.attachment_url);
    std::vector<std::string> urls;
    if (!link_is_file) {
      urls.push_back(post.link);
    }
    urls.insert(urls.end(), post.aliases.begin(), post.aliases.end());
    for (const auto& url : urls) {
      if (const auto path = site::path_of_url(url); path && *path != "/") {
        ask(core::percent_encode_path(*path), post);
        // The later pages of a body split by <!--nextpage-->.
        for (int page = 2; wordpress && path->back() == '/' && page <= post.page_count; ++page) {
          ask(core::percent_encode_path(*path + std::to_string(page) + "/"), post);
        }
      }
    }
    if (wordpress && post.id > 0) {
      ask(fmt::format("/?{}={}", post.type == blog::ItemKind::Attachment ? "attachment_id" : "p",
                      post.id),
          post);
    }
  }
}

// The report for other programs (check --json): every finding, one JSON object.
std::string json_report(const CheckReport& report, const std::filesystem::path& site_dir,
                        const std::vector<std::pair<std::string, std::size_t>>& domains) {
  core::JsonWriter json;
  json.begin_object()
      .member("site", site_dir.string())
      .key("ok")
      .value(report.ok())
      .key("pages")
      .value(static_cast<std::uint64_t>(report.pages))
      .key("internal_links")
      .value(static_cast<std::uint64_t>(report.internal_links))
      .key("external_links")
      .value(static_cast<std::uint64_t>(report.external_links))
      .key("broken")
      .begin_array();
  for (const auto& broken : report.broken) {
    json.begin_object().member("page", broken.page).member("url", broken.url);
    json.key("resource").value(broken.is_resource).end_object();
  }
  json.end_array().key("old_urls").value(static_cast<std::uint64_t>(report.old_urls));
  json.key("unanswered").begin_array();
  for (const auto& unanswered : report.unanswered) {
    json.begin_object().member("url", unanswered.url).member("item", unanswered.item);
    json.member("reason", unanswered.reason).end_object();
  }
  json.end_array().key("external_domains").begin_array();
  for (const auto& [domain, links] : domains) {
    json.begin_object()
        .member("domain", domain)
        .key("links")
        .value(static_cast<std::uint64_t>(links));
    json.end_object();
  }
  json.end_array();
  if (report.has_link_changes) {
    json.key("links_changed").begin_array();
    for (const auto& change : report.link_changes) {
      json.begin_object()
          .member("item", change.item)
          .member("url", change.url)
          .member("to", change.to);
      json.member("decision", change.to_old_site ? "old_site" : "recovered").end_object();
    }
    json.end_array();
  }
  json.key("unpublished_media").begin_array();
  for (const auto& path : report.unpublished_media) {
    json.value(path);
  }
  json.end_array().end_object();
  return json.take() + "\n";
}

std::string format_report(const CheckReport& report, const std::filesystem::path& site_dir,
                          bool json) {
  std::vector<std::pair<std::string, std::size_t>> domains(report.external_by_domain.begin(),
                                                           report.external_by_domain.end());
  std::stable_sort(domains.begin(), domains.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (json) {
    return json_report(report, site_dir, domains);
  }
  std::string out =
      fmt::format("checked {}: {} pages, {} internal links, {} external links\n", site_dir.string(),
                  report.pages, report.internal_links, report.external_links);
  out += fmt::format("broken internal links: {}\n", report.broken.size());
  for (const auto& b : report.broken) {
    out += fmt::format("  {} → {}{}\n", b.page, b.url, b.is_resource ? " (resource)" : "");
  }
  out += fmt::format("old URLs answered: {} of {}\n", report.old_urls - report.unanswered.size(),
                     report.old_urls);
  for (const auto& u : report.unanswered) {
    out += fmt::format("  {} ({}): {}\n", u.url, u.item, u.reason);
  }
  if (report.has_link_changes) {
    const auto to_old_site = static_cast<std::size_t>(
        std::count_if(report.link_changes.begin(), report.link_changes.end(),
                      [](const LinkChange& c) { return c.to_old_site; }));
    out += fmt::format(
        "links in posts recovered to archive pages: {}; sent to the old site (the archive has no "
        "answer): {}\n",
        report.link_changes.size() - to_old_site, to_old_site);
    for (const auto& change : report.link_changes) {
      out += fmt::format("  {}: {} → {}{}\n", change.item, change.url, change.to,
                         change.to_old_site ? " (old site)" : "");
    }
  }
  out += fmt::format("external links by domain (not fetched): {}\n", domains.size());
  for (const auto& [domain, count] : domains) {
    out += fmt::format("  {:>6}  {}\n", count, domain);
  }
  out += fmt::format("media in the store that nothing published uses (not published): {}\n",
                     report.unpublished_media.size());
  for (const auto& path : report.unpublished_media) {
    out += "  " + path + "\n";
  }
  out += report.ok() ? "result: every link and every old URL answers\n"
                     : "result: PROBLEMS FOUND (listed above)\n";
  return out;
}

}  // namespace blogarchive::checks
