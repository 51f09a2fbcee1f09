#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/packed_strings.hpp"
#include "render/theme.hpp"
#include "render/views.hpp"
#include "site/site_model.hpp"

namespace blogarchive::render {

class Context;

/// Articles in the Atom feed: the newest.
inline constexpr std::size_t kFeedEntries = 20;

/// A document ready to render. `key` hashes everything its bytes depend on: the program,
/// every template and every value the templates are given. Equal keys render equal
/// bytes, so a build may keep the file an earlier build rendered under the same key
/// instead of calling `render`.
struct Document {
  std::uint64_t key = 0;
  std::function<std::string()> render;
};

/// Renders the documents of a site one at a time: article and page documents, listing
/// pages, the Atom feed, sitemap, robots.txt and 404 page. Output depends only on the
/// inputs (no clock, no environment). Mustache rendering is not thread-safe, so each
/// thread makes its own renderer; making one compiles the theme's templates.
///
/// Listing pages are assembled from entries (`listing_entry`, made once per article
/// and reused by every listing that shows it), held by article index. Documents that
/// fill the layout come with the key of their inputs (`Document`); a renderer must
/// outlive the documents it made.
class PageRenderer {
 public:
  PageRenderer(const site::SiteModel& model, const Theme& theme);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  Document article(std::size_t index, const RenderedItem& item) const;  ///< model.articles[index]
  Document page(std::size_t index, const RenderedItem& item) const;     ///< model.pages[index]
  /// An article's entry in listings: title, date, excerpt, "read more".
  std::string listing_entry(std::size_t index, const std::string& excerpt_html) const;
  /// Page `number` (1-based) of a listing; `entries` by article index.
  /// `description_html`: the term's description, already through the content pipeline;
  /// shown above the first page's entries.
  Document listing_page(const site::Listing& listing, int number,
                        const core::PackedStrings& entries,
                        const std::string& description_html = {}) const;
  /// The list of all categories or all tags (terms.html), each with its article count.
  Document term_index(const site::TermIndex& index) const;
  /// `excerpts`: the excerpt HTML of the newest articles, newest first (kFeedEntries).
  std::string feed(const std::vector<std::string>& excerpts) const;
  std::string sitemap() const;
  std::string robots() const;
  Document not_found() const;
  /// The site's icon (favicon.svg): the blog title's initial on the theme's colours.
  std::string favicon() const;
  /// The search page (search.html): the form, and the script that answers it.
  Document search_page() const;

 private:
  std::unique_ptr<Context> context_;
};

}  // namespace blogarchive::render
