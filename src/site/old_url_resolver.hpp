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
};

/// Recognizes URLs of the old blog (http or https, with or without www, root-relative,
/// ?p=ID, ?page_id=ID, old permalinks, category and tag URLs) and maps them to
/// archive routes. URLs of items that were never public map to Unpublished, so that no
/// link into the archive is made for them.
class OldUrlResolver {
 public:
  explicit OldUrlResolver(const SiteModel& model);
  OldUrlTarget resolve(std::string_view url) const;
  /// True for a root-relative URL or one on the old blog's host.
  bool is_old_blog_url(const core::UrlParts& parts) const;

 private:
  std::optional<std::string> path_for_id(std::string_view id_text, bool& unpublished) const;

  std::set<std::string> hosts_;                 ///< lower case, without "www."
  std::map<std::string, std::string> by_path_;  ///< normalized old path → archive path
  std::set<std::string> unpublished_paths_;
  std::map<std::int64_t, std::string> by_id_;
  std::set<std::int64_t> unpublished_ids_;
};

}  // namespace blogarchive::site
