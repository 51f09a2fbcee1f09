#pragma once
// Every URL the old blog answered that the archive does not have as a file, and the
// archive page that answers it now. One table; redirect_formats.hpp writes it for each
// kind of host, and `serve` answers from it.
#include <string>
#include <string_view>
#include <vector>

#include "site/site_model.hpp"

namespace blogarchive::redirects {

/// One old URL and where it leads. Paths are decoded route paths (site::normalize_path).
struct Redirect {
  /// The old path. For query forms, "/" (WordPress answered them at "/" and "/index.php").
  std::string from_path;
  std::string query_key;    ///< "p", "page_id", "cat", …; empty for a path alone
  std::string query_value;  ///< the value that must match exactly
  std::string to;           ///< the archive route that answers it now
  /// A page a visitor may have bookmarked (not a feed or a query form): worth a static
  /// HTML redirect page on hosts that cannot send 301s.
  bool has_stub_page = false;

  bool is_query() const { return !query_key.empty(); }
};

/// The redirects of one site, sorted by source (path, query key, query value) so that
/// every output is stable.
struct RedirectTable {
  std::vector<Redirect> redirects;
  /// WordPress's search (`?s=WORDS`) goes on to the archive's search page with the words.
  bool search = false;

  /// True when a redirect answers `path` (a normalized old path) without a query. A
  /// binary search: a path's form without a query sorts before its query forms.
  bool redirects_path(std::string_view path) const;
};

/// Where WordPress's `?s=` search goes: this path + "?q=" + the words.
inline constexpr const char* kSearchTarget = "/search/";

/// All old URL forms of the model's published items and archives:
/// `?p=`, `?page_id=`, `?attachment_id=`, `?cat=`, `?category_name=`, `?tag=`, `?m=`,
/// `?feed=`; old permalinks and aliases that differ from the new path; `/index.php/…`
/// permalinks; per-item, per-archive and site feeds; day archives; author archives;
/// attachment pages. A source that is itself a page of the archive is never redirected.
/// With more than one job, two threads make it; the table is the same.
RedirectTable build_redirect_table(const site::SiteModel& model, bool search_enabled, int jobs = 1);

}  // namespace blogarchive::redirects
