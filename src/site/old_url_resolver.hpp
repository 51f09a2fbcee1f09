#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/url.hpp"
#include "site/site_model.hpp"

namespace blogarchive::site {

/// What the archive does with a URL found in content.
struct OldUrlTarget {
  enum class Kind { Foreign, Archive, Unpublished };
  Kind kind = Kind::Foreign;
  std::string href;  ///< archive href (encoded path + fragment) for Archive
  /// Archive, but not by the URL as written: found by the end of its path, its slug, a
  /// page or attachment below an item, or an id (a blog that moved, a typo'd link).
  bool recovered = false;
};

/// Recognizes URLs of the old blog (http or https, with or without www, root-relative,
/// ?p=ID, ?page_id=ID, ?attachment_id=ID, old permalinks, category and tag URLs) and
/// maps them to archive routes. Blogs moved: a link to a former address of the blog
/// (the hosts its guids name, a path prefix such as /mike/blog/) is recovered when its
/// path ends with a known permalink, names a published item's slug unambiguously, or
/// is a page, comment page or attachment page below one. URLs of items that were never
/// public map to Unpublished, so that no link into the archive is made for them.
class OldUrlResolver {
 public:
  explicit OldUrlResolver(const SiteModel& model);
  OldUrlTarget resolve(std::string_view url) const;
  /// True for a root-relative URL or one on one of the old blog's hosts.
  bool is_old_blog_url(const core::UrlParts& parts) const;
  /// "http://old-host" where the blog lived (for links the archive cannot answer).
  const std::string& old_origin() const { return origin_; }

 private:
  std::optional<std::string> path_for_id(std::string_view id_text, bool& unpublished) const;
  std::optional<OldUrlTarget> by_query(const core::UrlParts& parts,
                                       const std::string& fragment) const;
  /// An item's archive path for a path that is not one as written; `strict` (a URL on
  /// another host): only the end of the path, and only a dated or nested permalink.
  std::optional<std::string> recover(const std::string& path, bool strict,
                                     std::string& fragment) const;
  std::optional<std::string> by_suffix(const std::string& path, bool strict) const;

  std::set<std::string> hosts_;  ///< lower case, without "www."
  std::string origin_;
  std::map<std::string, std::string> by_path_;       ///< normalized old path → archive path
  std::map<std::string, std::string> item_by_path_;  ///< old and new item paths → archive path
  std::map<std::string, std::string> by_slug_;       ///< slug → archive path; "" when ambiguous
  /// "category/linux", "tag/java" → the listing: WordPress nested category URLs
  /// (/category/technology/linux/) end with the slug.
  std::map<std::string, std::string> term_listing_;
  std::set<std::string> unpublished_paths_;
  std::map<std::int64_t, std::string> by_id_;  ///< published items, and attachments by their parent
  std::set<std::int64_t> unpublished_ids_;
};

}  // namespace blogarchive::site
