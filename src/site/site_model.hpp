#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"
#include "site/config.hpp"

namespace blogarchive::site {

/// A link to a category or tag archive.
struct TermLink {
  std::string name;
  std::string path;
};

/// A published article ("post") and where it lives.
struct Article {
  const blog::Post* post = nullptr;
  std::string path;
  int overview_page = 1;  ///< the overview page that lists it
  std::vector<TermLink> categories;
  std::vector<TermLink> tags;
};

/// A published WordPress page, outside the article sequence.
struct Page {
  const blog::Post* post = nullptr;
  std::string path;
  std::optional<std::size_t> parent;  ///< index into SiteModel::pages
  std::vector<std::size_t> children;  ///< indices, by menu order then title
};

/// A paginated list of articles: the overview or an archive.
struct Listing {
  enum class Kind { Overview, Category, Tag, Year, Month };
  Kind kind = Kind::Overview;
  std::string base_path;              ///< "/", "/category/reisen/", "/2010/", "/2010/01/"
  std::string name;                   ///< term name, "2010", or "2010-01"
  core::DateTime month;               ///< for Year and Month
  std::vector<std::size_t> articles;  ///< indices into SiteModel::articles, newest first
  std::string description;  ///< the term's description as exported (raw HTML); categories and tags
  std::string slug;         ///< the term's slug; categories and tags
  std::int64_t term_old_id = 0;  ///< the old blog's term id, 0 when unknown; categories and tags
};

/// The page that lists every category, or every tag, with its article count.
struct TermIndex {
  struct Entry {
    std::size_t listing = 0;  ///< index into SiteModel::listings
    int depth = 0;            ///< 0 for a top category and every tag; 1 for its children, …
  };
  Listing::Kind kind = Listing::Kind::Category;  ///< Category or Tag
  std::string path;                              ///< kCategoryIndexPath or kTagIndexPath
  /// Tags by name; categories by name under their parents, as WordPress lists them.
  std::vector<Entry> entries;
};

/// One <link> of the blog's site icon in every page's head.
struct IconLink {
  std::string rel;    ///< "icon" or "apple-touch-icon"
  std::string href;   ///< the archive's copy
  std::string sizes;  ///< "32x32"; empty when the file's size is unknown
};

/// The name an author is shown by: the display name, else the login; never an e-mail
/// address (empty then).
std::string public_author_name(std::string_view display_name, std::string_view login);

/// Which URL shows what, for one build. Holds pointers into the snapshot it was made
/// from, which must outlive it.
struct SiteModel {
  const blog::Snapshot* snapshot = nullptr;
  SiteConfig config;
  std::string title;
  std::string description;
  std::vector<Article> articles;  ///< newest first; ties broken by higher post id first
  std::vector<Page> pages;
  std::shared_ptr<const blog::Post> privacy_page;  ///< from privacy_markdown; also in pages
  std::vector<Listing> listings;                   ///< the overview first
  std::vector<TermIndex> term_indexes;  ///< categories, then tags; only those the archive has
  /// The site icon's sizes, once the build knows the media (pipeline::site_icon_links);
  /// empty: the theme's monogram (favicon.svg) stands in.
  std::vector<IconLink> icon_links;
  std::map<std::int64_t, std::string> path_of_post;  ///< published articles and pages
  std::map<std::string, std::string> author_names;   ///< login → display name
  int first_year = 0;
  int last_year = 0;

  int page_count(const Listing& listing) const;
};

/// The path of page `number` (1-based) of a listing: base, then base + "page/N/".
std::string listing_page_path(const Listing& listing, int number);

/// The site files besides articles, pages and listings; no post may take these paths.
inline constexpr const char* kFeedPath = "/atom.xml";
inline constexpr const char* kSitemapPath = "/sitemap.xml";
inline constexpr const char* kSearchPath = "/search/";
/// Where WordPress's category and tag URLs begin (it answers neither itself): the
/// archive lists all categories and all tags there.
inline constexpr const char* kCategoryIndexPath = "/category/";
inline constexpr const char* kTagIndexPath = "/tag/";

/// Builds the model. Items that cannot get a route (a path taken twice, a missing date)
/// are reported and left out. `privacy_page` (load_privacy_page) takes its path first;
/// an exported page with the same path is replaced by it.
SiteModel build_site_model(const blog::Snapshot& snapshot, const SiteConfig& config,
                           core::Diagnostics& diagnostics,
                           std::optional<blog::Post> privacy_page = {});

}  // namespace blogarchive::site
