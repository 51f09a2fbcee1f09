#include "redirects/redirect_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <compare>
#include <span>
#include <tuple>
#include <unordered_set>

#include "core/parallel.hpp"
#include "core/text.hpp"
#include "site/paths.hpp"

namespace blogarchive::redirects {
namespace {

// The feeds WordPress answered for the whole blog, in every version since 2.0 (the
// wp-*.php files are the pre-2.1 addresses that later versions still served).
constexpr const char* kSiteFeedPaths[] = {"/feed/",      "/feed/atom/",         "/feed/rss/",
                                          "/feed/rss2/", "/feed/rdf/",          "/comments/feed/",
                                          "/wp-rss.php", "/wp-rss2.php",        "/wp-atom.php",
                                          "/wp-rdf.php", "/wp-commentsrss2.php"};
constexpr const char* kFeedQueryValues[] = {"rss", "rss2", "atom", "rdf", "comments-rss2"};
// The feeds of the other platforms.
constexpr const char* kBloggerFeedPaths[] = {"/feeds/posts/default", "/feeds/comments/default",
                                             "/rss.xml"};
constexpr const char* kOtherFeedPaths[] = {"/index.xml", "/index.rdf", "/feed.xml", "/rss.xml",
                                           "/feed/"};

// Which old blog the store holds decides which URL forms it answered: only WordPress
// had ?p= ids, and the other importers derive ids that were never in a URL.
enum class Platform { WordPress, Blogger, Hugo, Other };

Platform platform_of(const blog::SiteInfo& site) {
  if (site.format.starts_with("wxr"))
    return Platform::WordPress;
  if (site.format == "blogger")
    return Platform::Blogger;
  if (site.format == "hugo")
    return Platform::Hugo;
  return Platform::Other;
}

// The archive's own routes: a source that is one of them is never redirected.
class Routes {
 public:
  explicit Routes(const site::SiteModel& model) {
    for (const auto& [id, path] : model.path_of_post) {
      paths_.insert(path);
    }
    for (const auto& listing : model.listings) {
      for (int page = 1; page <= model.page_count(listing); ++page) {
        paths_.insert(site::listing_page_path(listing, page));
      }
    }
    paths_.insert({site::kFeedPath, site::kSitemapPath, site::kSearchPath, "/404.html"});
  }
  bool contains(const std::string& path) const { return paths_.count(path) > 0; }

 private:
  std::unordered_set<std::string> paths_;  ///< asked once per redirect added: hashed
};

// A redirect's source: what the table is sorted and searched by. Compared three-way,
// one string comparison per field (a tuple's < makes two for every field that ties).
std::strong_ordering compare_sources(const Redirect& a, const Redirect& b) {
  return std::tie(a.from_path, a.query_key, a.query_value) <=>
         std::tie(b.from_path, b.query_key, b.query_value);
}

// Collects redirects; the first one added for a source wins, so callers add the most
// specific forms (real permalinks) before the general ones (aliases, feeds).
class TableBuilder {
 public:
  explicit TableBuilder(const Routes& routes) : routes_(routes) {}

  void add_path(std::string_view from, const std::string& to, bool page) {
    const auto path = site::normalize_path(from);
    if (!path || routes_.contains(*path) || *path == to) {
      return;
    }
    add({*path, "", "", to, page});
  }

  void add_query(std::string_view key, std::string_view value, const std::string& to) {
    if (!value.empty()) {
      add({"/", std::string(key), std::string(value), to, false});
    }
  }

  /// The redirects sorted by source, the first added of each source kept.
  std::vector<Redirect> finish() && {
    // Collected in a vector and sorted once: a map node per redirect (about 100,000 at
    // 10,000 posts, each key a copy of three strings) was a twentieth of a warm build.
    std::stable_sort(added_.begin(), added_.end(), [](const Redirect& a, const Redirect& b) {
      return compare_sources(a, b) < 0;
    });
    added_.erase(std::unique(added_.begin(), added_.end(),
                             [](const Redirect& a, const Redirect& b) {
                               return compare_sources(a, b) == 0;
                             }),
                 added_.end());
    return std::move(added_);
  }

 private:
  void add(Redirect redirect) { added_.push_back(std::move(redirect)); }

  const Routes& routes_;
  std::vector<Redirect> added_;  ///< in the order added
};

// Two sorted tables as one, sorted, each source once: `earlier`'s redirect where both
// have it, since it was added first. The result is made at its final size: sources
// still repeat (a day's archive is added for each of its articles), and spare capacity
// would stay resident.
std::vector<Redirect> merged(std::vector<Redirect> earlier, std::vector<Redirect> later) {
  // Which of the two goes next: -1 `earlier`'s, 1 `later`'s, 0 both (the same source).
  const auto next = [&](auto a, auto b) {
    if (b == later.end()) {
      return -1;
    }
    if (a == earlier.end()) {
      return 1;
    }
    const auto order = compare_sources(*a, *b);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  };
  std::size_t count = 0;
  for (auto a = earlier.begin(), b = later.begin(); a != earlier.end() || b != later.end();
       ++count) {
    const int which = next(a, b);
    a += which <= 0 ? 1 : 0;
    b += which >= 0 ? 1 : 0;
  }
  std::vector<Redirect> table;
  table.reserve(count);
  for (auto a = earlier.begin(), b = later.begin(); a != earlier.end() || b != later.end();) {
    const int which = next(a, b);
    table.push_back(std::move(which <= 0 ? *a : *b));
    a += which <= 0 ? 1 : 0;
    b += which >= 0 ? 1 : 0;
  }
  return table;
}

// The archive shows a post whole, with all its comments: the later pages of a body split
// by <!--nextpage--> (/slug/2/) and the comment pages WordPress made of more than its
// default 50 top-level comments per page (/slug/comment-page-2/) lead to it.
void add_item_pages(TableBuilder& table, const blog::Post& post, const std::string& path,
                    const std::string& to) {
  constexpr int kCommentsPerPage = 50;
  for (int page = 2; page <= std::min(post.page_count, 1000); ++page) {
    table.add_path(path + std::to_string(page) + "/", to, true);
  }
  const int comment_pages = (post.top_level_comments + kCommentsPerPage - 1) / kCommentsPerPage;
  for (int page = 1; comment_pages > 1 && page <= std::min(comment_pages, 1000); ++page) {
    table.add_path(path + "comment-page-" + std::to_string(page) + "/", to, true);
  }
}

// An item's old permalink, its aliases and the forms WordPress derived from them.
void add_item(TableBuilder& table, const blog::Post& post, const std::string& to,
              Platform platform) {
  const bool wordpress = platform == Platform::WordPress;
  if (wordpress) {
    const std::string id = std::to_string(post.id);
    table.add_query("p", id, to);
    if (post.type == blog::ItemKind::Page) {
      table.add_query("page_id", id, to);
    }
  }
  // Mostly the old permalink is the new path: each form is added once, not twice and
  // then sorted away (it was half of what the table sorted).
  std::vector<std::string> old_paths{to};
  const auto add_old_path = [&](std::optional<std::string> path) {
    if (path && std::find(old_paths.begin(), old_paths.end(), *path) == old_paths.end()) {
      old_paths.push_back(std::move(*path));
    }
  };
  add_old_path(site::path_of_url(post.link));
  for (const auto& alias : post.aliases) {
    add_old_path(site::path_of_url(alias));
  }
  for (const auto& path : old_paths) {
    if (path == "/") {
      continue;  // an item at the root would hide the overview
    }
    table.add_path(path, to, true);
    if (!wordpress) {
      continue;
    }
    table.add_path("/index.php" + path, to,
                   false);  // "PATHINFO" permalinks of hosts without mod_rewrite
    if (path.back() == '/') {
      table.add_path(path + "feed/", to, false);  // the item's comment feed
      add_item_pages(table, post, path, to);
    }
  }
}

// Attachment pages ("/2010/01/post/bild/", ?attachment_id=) lead to the item they were
// attached to: the archive has no page of its own for an image.
void add_attachments(TableBuilder& table, const site::SiteModel& model) {
  for (const auto& post : model.snapshot->posts) {
    const auto parent = model.path_of_post.find(post.parent_id);
    if (post.type != blog::ItemKind::Attachment || parent == model.path_of_post.end()) {
      continue;
    }
    const std::string id = std::to_string(post.id);
    table.add_query("attachment_id", id, parent->second);
    table.add_query("p", id, parent->second);
    // Attachment pages end in '/' (or are ?attachment_id=); some exports give the file's
    // own URL as the link instead: that path is the image (published once the media are
    // brought home), never a redirect.
    const auto old_path = site::path_of_url(post.link);
    if (old_path && *old_path != "/" && old_path->back() == '/' &&
        old_path != site::path_of_url(post.attachment_url)) {
      table.add_path(*old_path, parent->second, true);
    }
  }
}

// Blogger's label pages and Hugo's taxonomy lists, under the archive's names.
void add_platform_listing(TableBuilder& table, const site::Listing& listing, Platform platform) {
  const bool category = listing.kind == site::Listing::Kind::Category;
  if (platform == Platform::Blogger) {
    table.add_path("/search/label/" + listing.name, listing.base_path, true);
  } else if (platform == Platform::Hugo) {
    const std::string old = (category ? "/categories/" : "/tags/") + listing.slug + "/";
    table.add_path(old, listing.base_path, true);
    table.add_path(old + "index.xml", site::kFeedPath, false);
  }
}

void add_listing(TableBuilder& table, const site::Listing& listing, Platform platform) {
  using Kind = site::Listing::Kind;
  const std::string& to = listing.base_path;
  if (platform != Platform::WordPress) {
    if (listing.kind == Kind::Category || listing.kind == Kind::Tag) {
      add_platform_listing(table, listing, platform);
    }
    return;
  }
  switch (listing.kind) {
    case Kind::Category:
      table.add_query("category_name", listing.slug, to);
      if (listing.term_old_id != 0) {
        table.add_query("cat", std::to_string(listing.term_old_id), to);
      }
      break;
    case Kind::Tag:
      table.add_query("tag", listing.slug, to);
      break;
    case Kind::Year:
      table.add_query("m", listing.name, to);
      break;
    case Kind::Month:
      table.add_query("m", std::string(listing.name.substr(0, 4)) + listing.name.substr(5, 2), to);
      break;
    case Kind::Overview:
      return;
  }
  table.add_path("/index.php" + to, to, false);
  table.add_path(to + "feed/", site::kFeedPath, false);
}

// Day archives (/2010/01/05/, ?m=20100105) have no page of their own; their month does.
void add_days(TableBuilder& table, const site::SiteModel& model) {
  for (const auto& article : model.articles) {
    const auto& date = *article.post->date;
    const std::string month = fmt::format("/{:04}/{:02}/", date.year, date.month);
    table.add_path(fmt::format("{}{:02}/", month, date.day), month, false);
    table.add_query("m", fmt::format("{:04}{:02}{:02}", date.year, date.month, date.day), month);
  }
}

void add_site_forms(TableBuilder& table, const site::SiteModel& model, Platform platform) {
  if (platform != Platform::WordPress) {
    using Paths = std::span<const char* const>;
    for (const char* path :
         platform == Platform::Blogger ? Paths(kBloggerFeedPaths) : Paths(kOtherFeedPaths)) {
      table.add_path(path, site::kFeedPath, false);
    }
    return;
  }
  for (const char* path : kSiteFeedPaths) {
    table.add_path(path, site::kFeedPath, false);
    table.add_path(std::string("/index.php") + path, site::kFeedPath, false);
  }
  for (const char* value : kFeedQueryValues) {
    table.add_query("feed", value, site::kFeedPath);
  }
  // The archive has no author pages: a single-author blog's author archive was its
  // overview in all but name.
  for (const auto& author : model.snapshot->authors) {
    if (author.login.find('@') != std::string::npos) {
      continue;  // an e-mail address as login (Squarespace): its "author page" is not published
    }
    table.add_path("/author/" + core::to_lower_ascii(author.login) + "/", "/", true);
  }
  table.add_path("/index.php", "/", false);
}

}  // namespace

bool RedirectTable::redirects_path(std::string_view path) const {
  const auto found = std::lower_bound(redirects.begin(), redirects.end(), path,
                                      [](const Redirect& redirect, std::string_view wanted) {
                                        return redirect.from_path < wanted;
                                      });
  return found != redirects.end() && found->from_path == path && !found->is_query();
}

RedirectTable build_redirect_table(const site::SiteModel& model, bool search_enabled, int jobs) {
  const Routes routes(model);
  const Platform platform = platform_of(model.snapshot->site);
  // The items' forms are most of the table (29,000 of the 49,000 redirects added at
  // 10,000 posts). With two jobs they are collected and sorted on a thread of their own
  // while the archives' and the site's forms are collected beside them; the two parts
  // are then merged, the items', added first, winning a source both have.
  std::vector<Redirect> items;
  std::vector<Redirect> archives;
  core::side_by_side(
      jobs,
      [&] {
        TableBuilder table(routes);
        for (const auto& article : model.articles) {
          add_item(table, *article.post, article.path, platform);
        }
        for (const auto& page : model.pages) {
          add_item(table, *page.post, page.path, platform);
        }
        items = std::move(table).finish();
      },
      [&] {
        TableBuilder table(routes);
        for (const auto& listing : model.listings) {
          add_listing(table, listing, platform);
        }
        if (platform == Platform::WordPress) {
          add_attachments(table, model);
          add_days(table, model);
        }
        add_site_forms(table, model, platform);
        archives = std::move(table).finish();
      });
  return {merged(std::move(items), std::move(archives)),
          search_enabled && platform == Platform::WordPress};
}

}  // namespace blogarchive::redirects
