#pragma once
// `blogarchive check`: does every link of the built site lead somewhere, and does every
// URL the old blog had still answer?
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "blog/post.hpp"

namespace blogarchive::checks {

struct BrokenLink {
  std::string page;  ///< the page's URL path
  std::string url;   ///< as written in the page
  bool is_resource = false;
};

struct UnansweredUrl {
  std::string url;   ///< the old URL, root-relative
  std::string item;  ///< describe() of the item it belonged to
  std::string reason;
};

/// A link in a post that the build did not keep as written: recovered to an archive
/// page (the blog moved, a relative or misspelled path) or sent to the old site (the
/// archive has nothing that answers it).
struct LinkChange {
  std::string item;  ///< describe() of the post it is in
  std::string url;   ///< as the old page meant it (relative links resolved)
  std::string to;    ///< what the archive links instead
  bool to_old_site = false;
};

struct CheckReport {
  std::size_t pages = 0;
  std::size_t internal_links = 0;
  std::size_t external_links = 0;
  std::vector<BrokenLink> broken;
  std::map<std::string, std::size_t> external_by_domain;
  std::size_t old_urls = 0;
  std::vector<UnansweredUrl> unanswered;
  std::vector<std::string> unpublished_media;  ///< in the store, used by nothing published
  bool has_link_changes = false;  ///< the store was given, so the changes below were looked for
  std::vector<LinkChange> link_changes;

  bool ok() const { return broken.empty() && unanswered.empty(); }
};

/// Follows every link and resource of every HTML page in `site_dir` (no network:
/// external links are only counted per domain). `base_url` (may be empty) makes
/// absolute links to the archive itself count as internal.
void check_links(const std::filesystem::path& site_dir, const std::string& base_url,
                 CheckReport& report);

/// Asks the site, as a host that reads its `_redirects` would answer, for every old URL
/// of every published item in `snapshot`: its permalink, its aliases, WordPress's ?p=ID.
void check_old_urls(const std::filesystem::path& site_dir, const blog::Snapshot& snapshot,
                    CheckReport& report);

/// The report as text (`json` false) or JSON.
std::string format_report(const CheckReport& report, const std::filesystem::path& site_dir,
                          bool json);

}  // namespace blogarchive::checks
