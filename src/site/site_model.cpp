#include "site/site_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "core/collation.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::site {
namespace {

// Tracks which paths are taken so that no two routes write the same file.
class PathClaims {
 public:
  bool claim(const std::string& path) { return output_files_.insert(output_file(path)).second; }

 private:
  std::set<std::string> output_files_;
};

// The old permalink's path, or a WordPress-style fallback for plain "?p=123" links.
std::string wanted_path(const blog::Post& post) {
  const core::UrlParts parts = core::split_url(post.link);
  if (parts.query.empty()) {
    if (auto path = normalize_path(core::percent_decode(parts.path)); path && *path != "/") {
      return *path;
    }
  }
  if (post.type == blog::ItemKind::Page || !post.date) {
    return normalize_path("/" + post.slug).value_or(fmt::format("/{}/", post.id));
  }
  return normalize_path(
             fmt::format("/{:04}/{:02}/{}", post.date->year, post.date->month, post.slug))
      .value_or(fmt::format("/{}/", post.id));
}

std::string claim_route(const blog::Post& post, PathClaims& claims,
                        core::Diagnostics& diagnostics) {
  std::string path = wanted_path(post);
  if (claims.claim(path)) {
    return path;
  }
  std::string fallback =
      fmt::format("{}{}-{}/", path.back() == '/' ? path : path + "/", post.slug, post.id);
  diagnostics.warn(post.source,
                   fmt::format("{}: the permalink {} is already taken; published at {}",
                               blog::describe(post), path, fallback));
  claims.claim(fallback);
  return fallback;
}

// WordPress nests child category URLs under their parents: /category/parent/child/.
std::string category_path(const std::string& slug,
                          const std::map<std::string, const blog::Term*>& categories) {
  std::vector<std::string> chain{slug};
  std::set<std::string> seen{slug};
  for (auto it = categories.find(slug); it != categories.end() && !it->second->parent_slug.empty();
       it = categories.find(chain.back())) {
    if (!seen.insert(it->second->parent_slug).second) {
      break;  // a cycle in a hand-edited export
    }
    chain.push_back(it->second->parent_slug);
  }
  std::string path = "/category";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    path += "/" + *it;
  }
  return normalize_path(path).value_or("/category/" + core::percent_encode_path(slug) + "/");
}

void sort_articles(std::vector<Article>& articles) {
  std::stable_sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
    if (*a.post->date != *b.post->date) {
      return *a.post->date > *b.post->date;
    }
    return a.post->id > b.post->id;
  });
}

void collect_articles(SiteModel& model, PathClaims& claims, core::Diagnostics& diagnostics) {
  for (const auto& post : model.snapshot->posts) {
    if (!blog::is_published(post) || post.type != blog::ItemKind::Article || !post.date) {
      continue;
    }
    model.articles.push_back({&post, claim_route(post, claims, diagnostics), 1, {}, {}});
  }
  sort_articles(model.articles);
  for (std::size_t i = 0; i < model.articles.size(); ++i) {
    model.articles[i].overview_page = static_cast<int>(i) / model.config.per_page + 1;
    model.path_of_post[model.articles[i].post->id] = model.articles[i].path;
  }
  if (!model.articles.empty()) {
    model.last_year = model.articles.front().post->date->year;
    model.first_year = model.articles.back().post->date->year;
  }
}

void collect_pages(SiteModel& model, PathClaims& claims, core::Diagnostics& diagnostics) {
  std::map<std::int64_t, std::size_t> index_of;
  std::string replaced_file;
  if (const auto& privacy = model.privacy_page) {
    const std::string path = claim_route(*privacy, claims, diagnostics);
    replaced_file = output_file(path);
    model.pages.push_back({privacy.get(), path, std::nullopt, {}});
    model.path_of_post[privacy->id] = path;
  }
  for (const auto& post : model.snapshot->posts) {
    if (blog::is_published(post) && post.type == blog::ItemKind::Page) {
      if (!replaced_file.empty() && output_file(wanted_path(post)) == replaced_file) {
        diagnostics.warn(post.source,
                         fmt::format("{} is replaced by the privacy policy from {}",
                                     blog::describe(post), model.privacy_page->source));
        model.path_of_post[post.id] = model.pages.front().path;  // old links lead to the new text
        continue;
      }
      index_of[post.id] = model.pages.size();
      model.pages.push_back({&post, claim_route(post, claims, diagnostics), std::nullopt, {}});
      model.path_of_post[post.id] = model.pages.back().path;
    }
  }
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    const auto parent = index_of.find(model.pages[i].post->parent_id);
    if (parent != index_of.end() && parent->second != i) {
      model.pages[i].parent = parent->second;
      model.pages[parent->second].children.push_back(i);
    }
  }
  for (auto& page : model.pages) {
    std::sort(page.children.begin(), page.children.end(), [&](std::size_t a, std::size_t b) {
      const auto& pa = *model.pages[a].post;
      const auto& pb = *model.pages[b].post;
      return std::tie(pa.menu_order, pa.title, pa.id) < std::tie(pb.menu_order, pb.title, pb.id);
    });
  }
}

void add_listing(SiteModel& model, PathClaims& claims, Listing listing,
                 core::Diagnostics& diagnostics) {
  if (!claims.claim(listing.base_path)) {
    diagnostics.warn(listing.base_path,
                     "an article or page already has this path; its archive "
                     "listing is not generated");
    return;
  }
  for (int number = 2; number <= model.page_count(listing); ++number) {
    claims.claim(listing_page_path(listing, number));
  }
  model.listings.push_back(std::move(listing));
}

void collect_listings(SiteModel& model, PathClaims& claims, core::Diagnostics& diagnostics) {
  std::map<std::string, const blog::Term*> categories;
  std::map<std::string, const blog::Term*> tags;
  for (const auto& term : model.snapshot->terms) {
    if (term.taxonomy == blog::TermKind::Category) {
      categories[term.slug] = &term;
    } else if (term.taxonomy == blog::TermKind::Tag) {
      tags[term.slug] = &term;
    }
  }
  std::map<std::string, Listing> by_path;  // sorted by path: deterministic order
  for (std::size_t i = 0; i < model.articles.size(); ++i) {
    Article& article = model.articles[i];
    for (const auto& ref : article.post->terms) {
      const bool is_category = ref.taxonomy == blog::TermKind::Category;
      if (!is_category && ref.taxonomy != blog::TermKind::Tag) {
        continue;
      }
      const std::string path = is_category ? category_path(ref.slug, categories)
                                           : normalize_path("/tag/" + ref.slug).value_or("/tag/");
      Listing& listing = by_path[path];
      listing.kind = is_category ? Listing::Kind::Category : Listing::Kind::Tag;
      listing.base_path = path;
      listing.name = ref.name.empty() ? ref.slug : ref.name;
      listing.slug = ref.slug;
      const auto& terms = is_category ? categories : tags;
      if (const auto term = terms.find(ref.slug); term != terms.end()) {
        listing.description = term->second->description;
        listing.term_old_id = term->second->old_id;
      }
      listing.articles.push_back(i);
      (is_category ? article.categories : article.tags).push_back({listing.name, path});
    }
    const auto& date = *article.post->date;
    for (const bool monthly : {false, true}) {
      const std::string path = monthly ? fmt::format("/{:04}/{:02}/", date.year, date.month)
                                       : fmt::format("/{:04}/", date.year);
      Listing& listing = by_path[path];
      listing.kind = monthly ? Listing::Kind::Month : Listing::Kind::Year;
      listing.base_path = path;
      listing.name = path.substr(1, path.size() - 2);
      listing.month = {date.year, monthly ? date.month : 1, 1, 0, 0, 0};
      listing.articles.push_back(i);
    }
  }
  for (auto& [path, listing] : by_path) {
    add_listing(model, claims, std::move(listing), diagnostics);
  }
}

// The category whose listing a category's entry hangs under: the nearest ancestor in
// its path that has a listing of its own (a parent without public articles has none).
std::string parent_listing_path(std::string path,
                                const std::map<std::string, std::size_t>& listings) {
  while (path.size() > std::string_view(kCategoryIndexPath).size()) {
    path.erase(path.find_last_of('/', path.size() - 2) + 1);
    if (listings.count(path) > 0) {
      return path;
    }
  }
  return kCategoryIndexPath;
}

using ByName = std::function<bool(std::size_t, std::size_t)>;

// Every category with a listing, by name under its parent, depth first.
TermIndex category_index(const SiteModel& model, const ByName& by_name) {
  std::map<std::string, std::size_t> categories;  // listing by path
  for (std::size_t i = 0; i < model.listings.size(); ++i) {
    if (model.listings[i].kind == Listing::Kind::Category) {
      categories.emplace(model.listings[i].base_path, i);
    }
  }
  std::map<std::string, std::vector<std::size_t>> children;  // by parent's path
  for (const auto& [path, listing] : categories) {
    children[parent_listing_path(path, categories)].push_back(listing);
  }
  for (auto& [parent, list] : children) {
    std::sort(list.begin(), list.end(), by_name);
  }
  TermIndex index{Listing::Kind::Category, kCategoryIndexPath, {}};
  std::vector<TermIndex::Entry> stack;  // the entries still to list, the next one last
  const auto push_children = [&](const std::string& parent, int depth) {
    const auto& below = children[parent];
    for (auto it = below.rbegin(); it != below.rend(); ++it) {
      stack.push_back({*it, depth});
    }
  };
  push_children(kCategoryIndexPath, 0);
  while (!stack.empty()) {
    const TermIndex::Entry entry = stack.back();
    stack.pop_back();
    index.entries.push_back(entry);
    push_children(model.listings[entry.listing].base_path, entry.depth + 1);
  }
  return index;
}

TermIndex tag_index(const SiteModel& model, const ByName& by_name) {
  std::vector<std::size_t> tags;
  for (std::size_t i = 0; i < model.listings.size(); ++i) {
    if (model.listings[i].kind == Listing::Kind::Tag) {
      tags.push_back(i);
    }
  }
  std::sort(tags.begin(), tags.end(), by_name);
  TermIndex index{Listing::Kind::Tag, kTagIndexPath, {}};
  for (const std::size_t listing : tags) {
    index.entries.push_back({listing, 0});
  }
  return index;
}

void collect_term_indexes(SiteModel& model, PathClaims& claims, core::Diagnostics& diagnostics) {
  const core::Collation collation(model.config.language);
  const ByName by_name = [&](std::size_t a, std::size_t b) {
    return collation.less(model.listings[a].name, model.listings[b].name);
  };
  std::vector<TermIndex> indexes;
  indexes.push_back(category_index(model, by_name));
  indexes.push_back(tag_index(model, by_name));
  for (TermIndex& index : indexes) {
    if (index.entries.empty()) {
      continue;
    }
    if (!claims.claim(index.path)) {
      diagnostics.warn(
          index.path,
          "a page of the blog uses this path; the list of all its terms is not generated");
      continue;
    }
    model.term_indexes.push_back(std::move(index));
  }
}

}  // namespace

int SiteModel::page_count(const Listing& listing) const {
  const int count = static_cast<int>(listing.articles.size());
  return std::max(1, (count + config.per_page - 1) / config.per_page);
}

namespace {

// The cookie notice links the privacy policy on every page: a path no page answers is
// a broken link on all of them.
void warn_about_a_missing_privacy_page(const SiteModel& model, core::Diagnostics& diagnostics) {
  const auto& notice = model.config.cookie_notice;
  const auto path =
      notice.privacy_url.starts_with('/') ? normalize_path(notice.privacy_url) : std::nullopt;
  if (!notice.enabled || !path) {
    return;
  }
  for (const auto& [id, page_path] : model.path_of_post) {
    if (page_path == *path) {
      return;
    }
  }
  diagnostics.warn(
      "cookie_notice.privacy_url",
      fmt::format("no page of the archive is at {}: every page would link to nothing. Import the "
                  "privacy policy, set cookie_notice.privacy_markdown, or give its full URL",
                  *path));
}

}  // namespace

std::string listing_page_path(const Listing& listing, int number) {
  return number <= 1 ? listing.base_path : fmt::format("{}page/{}/", listing.base_path, number);
}

std::string public_author_name(std::string_view display_name, std::string_view login) {
  // Squarespace and other platforms export e-mail addresses as logins, and sometimes as
  // display names: an address is never shown as a name.
  const auto is_address = [](std::string_view name) {
    return name.find('@') != std::string_view::npos;
  };
  if (!core::trim(display_name).empty() && !is_address(display_name)) {
    return std::string(core::trim(display_name));
  }
  return is_address(login) ? std::string() : std::string(login);
}

SiteModel build_site_model(const blog::Snapshot& snapshot, const SiteConfig& config,
                           core::Diagnostics& diagnostics, std::optional<blog::Post> privacy_page) {
  SiteModel model;
  model.snapshot = &snapshot;
  if (privacy_page) {
    model.privacy_page = std::make_shared<const blog::Post>(std::move(*privacy_page));
  }
  model.config = config;
  model.title = config.title.empty() ? snapshot.site.title : config.title;
  model.description = config.description.empty() ? snapshot.site.description : config.description;
  for (const auto& author : snapshot.authors) {
    model.author_names[author.login] = public_author_name(author.display_name, author.login);
  }
  PathClaims claims;
  Listing overview;
  overview.base_path = "/";
  claims.claim("/");
  for (const char* reserved :
       {kFeedPath, kSitemapPath, "/robots.txt", "/404.html", "/favicon.svg"}) {
    claims.claim(reserved);
  }
  collect_articles(model, claims, diagnostics);
  collect_pages(model, claims, diagnostics);
  for (std::size_t i = 0; i < model.articles.size(); ++i) {
    overview.articles.push_back(i);
  }
  for (int number = 2; number <= model.page_count(overview); ++number) {
    if (!claims.claim(listing_page_path(overview, number))) {
      diagnostics.warn(listing_page_path(overview, number),
                       "an article uses this path; the overview page there is not generated");
    }
  }
  model.listings.push_back(std::move(overview));
  collect_listings(model, claims, diagnostics);
  collect_term_indexes(model, claims, diagnostics);
  warn_about_a_missing_privacy_page(model, diagnostics);
  return model;
}

}  // namespace blogarchive::site
