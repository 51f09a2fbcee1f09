#include "render/renderer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "blogarchive/error.hpp"
#include "core/content_hash.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "render/catalog.hpp"
#include "render/mustache.hpp"
#include "render/view.hpp"
#include "site/paths.hpp"
#include "site/security_headers.hpp"

namespace blogarchive::render {

namespace {

// Open Graph wants a territory: the one where most readers of each language live.
std::string open_graph_locale(std::string_view language) {
  static const std::map<std::string, std::string, std::less<>> kLocales{
      {"de", "de_DE"}, {"en", "en_US"}, {"fr", "fr_FR"}, {"es", "es_ES"}, {"it", "it_IT"},
      {"nl", "nl_NL"}, {"pt", "pt_PT"}, {"pl", "pl_PL"}, {"sv", "sv_SE"}, {"da", "da_DK"}};
  const auto found = kLocales.find(language);
  return found == kLocales.end() ? "en_US" : found->second;
}

// The blog's own name, not the archive's title ("… – Archiv").
const std::string& blog_title(const site::SiteModel& model) {
  return model.snapshot->site.title.empty() ? model.title : model.snapshot->site.title;
}

}  // namespace

// What the layout says about a page besides its content.
struct PageMeta {
  std::string title{};
  std::string path{};
  std::string description{};  ///< empty: none
  std::string json_ld{};      ///< empty: none
  bool is_article = false;
  bool is_search_page = false;
  bool is_not_found = false;  ///< the 404 page, which has a search form of its own
};

// Everything every page needs: the model, the catalog and the compiled templates.
// One per thread, so that nothing is shared while pages render in parallel.
class Context {
 public:
  Context(const site::SiteModel& model, const Theme& theme)
      : model_(model),
        theme_(theme),
        catalog_(Catalog::parse(theme.file("i18n/" + model.config.language + ".toml"),
                                model.config.language)) {
    for (const char* name :
         {"layout", "article", "comment", "page", "listing", "entry", "404", "search", "terms"}) {
      add_template(name, "templates/" + std::string(name) + ".html");
    }
    for (const char* name : {"atom.xml", "sitemap.xml", "robots.txt", "favicon.svg"}) {
      add_template(name, "templates/" + std::string(name));
    }
    std::vector<View> top_pages;
    for (const auto& p : model.pages) {
      if (!p.parent) {
        top_pages.push_back(View::object({{"href", site::href(p.path)}, {"title", p.post->title}}));
      }
    }
    top_pages_ = View::list(std::move(top_pages));
    std::vector<View> icons;
    for (const auto& link : model.icon_links) {
      icons.push_back(View::object(
          {{"rel", link.rel}, {"href", link.href}, {"sizes", View::text_or_false(link.sizes)}}));
    }
    icon_links_ = View::list(std::move(icons));
    csp_ = site::content_security_policy(model.config.privacy, false);
  }

  const site::SiteModel& model() const { return model_; }
  const Catalog& catalog() const { return catalog_; }
  std::string absolute(std::string_view path) const {
    return model_.config.base() + site::href(path);
  }

  std::string render(const std::string& name, const View& view) const {
    return templates_.at(name).render(view);
  }

  // `content` (the view of template `name`) wrapped in the layout, as a document whose
  // key covers the program, both templates and both views. (Comments and listing
  // entries arrive rendered, as text in the view.)
  Document page(const std::string& name, View content, const PageMeta& meta) const {
    View layout = layout_view(meta);
    core::ContentHash hash;
    hash.add(static_cast<std::int64_t>(template_keys_.at("layout")));
    hash.add(static_cast<std::int64_t>(template_keys_.at(name)));
    content.hash_into(hash);
    layout.hash_into(hash);
    return {hash.digest(),
            [this, name, content = std::move(content), layout = std::move(layout)]() mutable {
              layout.set("content", render(name, content));
              return render("layout", layout);
            }};
  }

 private:
  View layout_view(const PageMeta& meta) const {
    const auto& cookie = model_.config.cookie_notice;
    View view;
    view.set("lang", model_.config.language);
    view.set("page_title",
             meta.title == model_.title ? meta.title : meta.title + " – " + model_.title);
    view.set("site_title", model_.title);
    view.set("canonical", absolute(meta.path));
    view.set("feed_href", std::string(site::kFeedPath));
    view.set("og_type", meta.is_article ? "article" : "website");
    view.set("og_title", meta.title);
    view.set("og_locale", open_graph_locale(model_.config.language));
    view.set("description", View::text_or_false(meta.description));
    view.set("json_ld", View::text_or_false(meta.json_ld));
    // The privacy page is what the notice points to; there it would only point to itself.
    // (Its text only where it shows: the view is the page's key.)
    const bool notice = cookie.enabled && site::href(meta.path) != cookie.privacy_url;
    view.set("cookie_enabled", notice);
    view.set("cookie_text", !notice               ? std::string()
                            : cookie.text.empty() ? catalog_.get(cookie_text_key())
                                                  : cookie.text);
    view.set("csp", csp_);
    view.set("two_click_embeds", model_.config.privacy.two_click_embeds);
    view.set("privacy_url", View::text_or_false(cookie.privacy_url));
    view.set("has_pages", !top_pages_.empty_list());
    view.set("top_pages", top_pages_);
    view.set("search_enabled", model_.config.search.enabled);
    view.set("search_page", meta.is_search_page);
    view.set("not_found_page", meta.is_not_found);
    view.set("search_href", std::string(site::kSearchPath));
    view.set("has_site_icon", !icon_links_.empty_list());
    view.set("site_icons", icon_links_);
    return view;
  }

  // Compiles the template with the catalog's messages put in. Its key covers the
  // program too: a new blogarchive may render the same views differently.
  void add_template(const std::string& name, const std::string& path) {
    const std::string source = theme_.file(path);
    std::string localized;
    Template compiled;
    try {
      // First as written, so that a syntax error's line and column are the file's.
      Template::compile(source);
      localized = localize_template(source, catalog_, path);
      compiled = Template::compile(localized);
    } catch (const TemplateError& error) {
      throw InputError(fmt::format("theme template {}: {}", path, error.what()));
    }
    core::ContentHash key;
    key.add(static_cast<std::int64_t>(core::program_fingerprint())).add(name).add(localized);
    template_keys_.emplace(name, key.digest());
    templates_.emplace(name, std::move(compiled));
  }

  // The default text promises that nothing loads from other servers; with remote
  // images allowed that would be untrue.
  const char* cookie_text_key() const {
    return model_.config.privacy.remote_images ? "cookie_text_remote_images" : "cookie_text";
  }

  const site::SiteModel& model_;
  const Theme& theme_;
  std::string csp_;  ///< the same Content-Security-Policy on every page
  Catalog catalog_;
  std::map<std::string, Template> templates_;
  std::map<std::string, std::uint64_t>
      template_keys_;  ///< by name: the program and the localized text
  View top_pages_;     ///< the same header menu on every page
  View icon_links_;    ///< the blog's own site icon, when the archive has it
};

namespace {

View term_list(const std::vector<site::TermLink>& terms) {
  std::vector<View> list;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    list.push_back(View::object({{"name", terms[i].name},
                                 {"href", site::href(terms[i].path)},
                                 {"last", i + 1 == terms.size()}}));
  }
  return View::list(std::move(list));
}

std::string comment_tree(const Context& context, const std::vector<RenderedComment>& comments) {
  std::string html;
  for (const auto& comment : comments) {
    View view;
    view.set("id", std::to_string(comment.id));
    view.set("author", comment.author);
    view.set("url", View::text_or_false(comment.url));
    view.set("date", comment.date ? context.catalog().date(*comment.date) : std::string{});
    view.set("iso_date", comment.date ? core::to_iso_local(*comment.date) : std::string{});
    view.set("html", comment.html);
    view.set("by_post_author", comment.by_post_author);
    view.set("has_replies", !comment.replies.empty());
    view.set("replies", comment_tree(context, comment.replies));
    html += context.render("comment", view);
  }
  return html;
}

std::string article_json_ld(const Context& context, const site::Article& article,
                            const std::string& author) {
  const auto& post = *article.post;
  core::JsonWriter json;
  json.begin_object()
      .member("@context", "https://schema.org")
      .member("@type", "BlogPosting")
      .member("headline", post.title)
      .member("datePublished", core::to_iso_local(*post.date))
      .member("url", context.absolute(article.path))
      .member("mainEntityOfPage", context.absolute(article.path))
      .member("inLanguage", context.model().config.language);
  if (!author.empty()) {
    json.key("author").begin_object().member("@type", "Person").member("name", author).end_object();
  }
  return json.end_object().take();
}

std::string author_name(const site::SiteModel& model, const blog::Post& post) {
  const auto found = model.author_names.find(post.author_login);
  return found != model.author_names.end() ? found->second
                                           : site::public_author_name({}, post.author_login);
}

View neighbour(const site::SiteModel& model, std::size_t index, bool exists) {
  return exists ? View::object({{"href", site::href(model.articles[index].path)},
                                {"title", model.articles[index].post->title}})
                : View(false);
}

Document render_article(const Context& context, std::size_t index, const RenderedItem& item) {
  const auto& model = context.model();
  const site::Article& article = model.articles[index];
  const auto& post = *article.post;
  const auto& catalog = context.catalog();
  const std::string author = author_name(model, post);
  const auto& notice = model.config.notice;
  View view;
  view.set("title", post.title);
  view.set("date", catalog.date(*post.date));
  view.set("iso_date", core::to_iso_local(*post.date));
  view.set("author", !author.empty());
  view.set("author_line", catalog.format("by_author", {{"author", author}}));
  view.set("notice_text", notice.text.empty() ? catalog.get("notice_text") : notice.text);
  view.set("notice_link_url", View::text_or_false(notice.link_url));
  view.set("notice_link_text", notice.link_text.empty() ? notice.link_url : notice.link_text);
  view.set("body", item.body_html);
  view.set("has_terms", !article.categories.empty() || !article.tags.empty());
  view.set("has_categories", !article.categories.empty());
  view.set("categories", term_list(article.categories));
  view.set("has_tags", !article.tags.empty());
  view.set("tags", term_list(article.tags));
  // Newer is the article before this one in the newest-first order.
  view.set("newer", neighbour(model, index - 1, index > 0));
  view.set("older", neighbour(model, index + 1, index + 1 < model.articles.size()));
  view.set("overview_href",
           site::href(site::listing_page_path(model.listings.front(), article.overview_page)));
  view.set("has_comments", item.comment_count > 0);
  view.set("comment_count", item.comment_count == 1
                                ? catalog.get("comment_count_one")
                                : catalog.format("comment_count_many",
                                                 {{"count", std::to_string(item.comment_count)}}));
  view.set("comments_html", "<ol>" + comment_tree(context, item.comments) + "</ol>");
  std::vector<View> pings;
  for (const auto& ping : item.pings) {
    pings.push_back(View::object({{"author", ping.author},
                                  {"url", View::text_or_false(ping.url)},
                                  {"date", ping.date ? catalog.date(*ping.date) : std::string{}}}));
  }
  view.set("has_pings", !pings.empty());
  view.set("pings", View::list(std::move(pings)));
  return context.page("article", std::move(view),
                      {.title = post.title,
                       .path = article.path,
                       .description = core::first_words(item.summary_text, 30),
                       .json_ld = article_json_ld(context, article, author),
                       .is_article = true});
}

View page_link(const site::SiteModel& model, std::size_t index) {
  return View::object(
      {{"href", site::href(model.pages[index].path)}, {"title", model.pages[index].post->title}});
}

Document render_page(const Context& context, const site::Page& page, const RenderedItem& item) {
  const auto& model = context.model();
  View view;
  view.set("title", page.post->title);
  view.set("body", item.body_html);
  view.set("parent", page.parent ? page_link(model, *page.parent) : View(false));
  std::vector<View> children;
  for (const std::size_t child : page.children) {
    children.push_back(page_link(model, child));
  }
  view.set("has_children", !children.empty());
  view.set("children", View::list(std::move(children)));
  return context.page("page", std::move(view),
                      {.title = page.post->title,
                       .path = page.path,
                       .description = core::first_words(item.summary_text, 30)});
}

std::string listing_heading(const Context& context, const site::Listing& listing) {
  const auto& catalog = context.catalog();
  switch (listing.kind) {
    case site::Listing::Kind::Overview:
      return catalog.get("overview");
    case site::Listing::Kind::Category:
      return catalog.format("archive_category", {{"name", listing.name}});
    case site::Listing::Kind::Tag:
      return catalog.format("archive_tag", {{"name", listing.name}});
    case site::Listing::Kind::Year:
      return catalog.format("archive_year", {{"name", listing.name}});
    case site::Listing::Kind::Month:
      return catalog.format("archive_month", {{"name", catalog.month_year(listing.month)}});
  }
  return listing.name;
}

std::string overview_intro(const Context& context) {
  const auto& model = context.model();
  if (!model.config.intro.empty()) {
    return model.config.intro;
  }
  if (model.articles.empty()) {
    return {};
  }
  const std::map<std::string, std::string> values{{"title", blog_title(model)},
                                                  {"first_year", std::to_string(model.first_year)},
                                                  {"last_year", std::to_string(model.last_year)}};
  return context.catalog().format(
      model.first_year == model.last_year ? "intro_single_year" : "intro", values);
}

// What a search engine shows for a listing page or a list of terms: what it lists and
// the names on it (articles' titles, terms' names), which tell one page from the next
// better than a count.
std::string listing_description(const Context& context, const std::string& heading,
                                const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) {
    joined += (joined.empty() ? "" : " · ") + name;
  }
  const std::string text = context.catalog().format(
      "listing_description",
      {{"heading", heading}, {"title", blog_title(context.model())}, {"titles", joined}});
  return core::first_words(text, 30);
}

// "Alle Kategorien", "Alle Schlagwörter": the name of a list of all terms.
std::string term_index_heading(const Context& context, const site::TermIndex& index) {
  const bool categories = index.kind == site::Listing::Kind::Category;
  return context.catalog().get(categories ? "all_categories" : "all_tags");
}

// The links to the lists of all categories and all tags: on the overview's first page
// both, on a category's or tag's listing the one it belongs to.
View term_index_links(const Context& context, const site::Listing& listing, bool home) {
  std::vector<View> links;
  for (const auto& index : context.model().term_indexes) {
    if (home || listing.kind == index.kind) {
      links.push_back(View::object({{"href", site::href(index.path)},
                                    {"label", term_index_heading(context, index)},
                                    {"count", std::to_string(index.entries.size())}}));
    }
  }
  for (std::size_t i = 0; i < links.size(); ++i) {
    links[i].set("last", i + 1 == links.size());
  }
  return View::list(std::move(links));
}

View listing_page_link(const site::Listing& listing, int number, bool exists) {
  return exists ? View(site::href(site::listing_page_path(listing, number))) : View(false);
}

// The numbered links of a listing's pagination: the first and last page, and two pages
// either side of the current one, with a gap where pages are left out ("1 … 4 5 6 7 8 … 40").
// Only the shown numbers are visited: the overview of a large archive has thousands of
// pages, each with its own pagination.
View page_numbers(const site::Listing& listing, int current, int pages) {
  constexpr int kAround = 2;
  std::vector<int> shown{1};
  for (int number = std::max(2, current - kAround);
       number <= std::min(pages - 1, current + kAround); ++number) {
    shown.push_back(number);
  }
  shown.push_back(pages);
  std::vector<View> numbers;
  int last_shown = 0;
  for (const int number : shown) {
    if (number <= last_shown) {
      continue;  // a listing of one page: 1 is also the last
    }
    if (number > last_shown + 1) {
      numbers.push_back(View::object({{"gap", true}, {"current", false}, {"href", false}}));
    }
    numbers.push_back(
        View::object({{"number", std::to_string(number)},
                      {"current", number == current},
                      {"gap", false},
                      {"href", listing_page_link(listing, number, number != current)}}));
    last_shown = number;
  }
  return View::list(std::move(numbers));
}

// The archive at a glance, for the overview: every year with its article count and its
// months (the locale's short names) with theirs; the newest year first, as the articles
// are listed, and its months in calendar order, as a year is read.
View archive_index(const Context& context) {
  const auto& model = context.model();
  std::vector<View> years;
  std::vector<View> months;
  const site::Listing* year = nullptr;
  const auto flush = [&] {
    if (year != nullptr) {
      years.push_back(View::object({{"year", year->name},
                                    {"href", site::href(year->base_path)},
                                    {"count", std::to_string(year->articles.size())},
                                    {"months", View::list(std::move(months))}}));
      months.clear();
    }
  };
  for (const auto& listing : model.listings) {
    if (listing.kind == site::Listing::Kind::Year) {
      flush();
      year = &listing;
    } else if (listing.kind == site::Listing::Kind::Month && year != nullptr &&
               listing.month.year == year->month.year) {
      months.push_back(View::object({{"name", context.catalog().short_month(listing.month)},
                                     {"title", context.catalog().month_year(listing.month)},
                                     {"href", site::href(listing.base_path)},
                                     {"count", std::to_string(listing.articles.size())}}));
    }
  }
  flush();
  std::reverse(years.begin(), years.end());
  return View::list(std::move(years));
}

Document render_listing_page(const Context& context, const site::Listing& listing, int number,
                             const core::PackedStrings& entries,
                             const std::string& description_html) {
  const auto& model = context.model();
  const int pages = model.page_count(listing);
  const auto per_page = static_cast<std::size_t>(model.config.per_page);
  const std::string heading = listing_heading(context, listing);
  std::string entries_html;
  const std::size_t first = static_cast<std::size_t>(number - 1) * per_page;
  std::vector<std::string> titles;
  for (std::size_t k = first; k < std::min(listing.articles.size(), first + per_page); ++k) {
    entries_html += entries[listing.articles[k]];
    titles.push_back(model.articles[listing.articles[k]].post->title);
  }
  const bool home = listing.kind == site::Listing::Kind::Overview && number == 1;
  View view;
  view.set("heading", heading);
  view.set("intro", View::text_or_false(home ? overview_intro(context) : ""));
  view.set("description", View::text_or_false(number == 1 ? description_html : ""));
  view.set("entries", std::move(entries_html));
  view.set("has_pagination", pages > 1);
  // Only where it shows: a listing of one page would otherwise depend on the message.
  view.set("page_of",
           pages > 1 ? View(context.catalog().format("page_of", {{"page", std::to_string(number)},
                                                                 {"pages", std::to_string(pages)}}))
                     : View(false));
  view.set("page_numbers", pages > 1 ? page_numbers(listing, number, pages) : View(false));
  // One year needs no index: its months are the overview itself.
  const bool has_archive_index = home && model.first_year != model.last_year;
  view.set("has_archive_index", has_archive_index);
  view.set("archive_index", has_archive_index ? archive_index(context) : View(false));
  View term_indexes = term_index_links(context, listing, home);
  view.set("has_term_indexes", !term_indexes.empty_list());
  view.set("term_indexes", std::move(term_indexes));
  view.set("newer_page", listing_page_link(listing, number - 1, number > 1));
  view.set("older_page", listing_page_link(listing, number + 1, number < pages));
  const std::string title = number == 1 ? heading : heading + " – " + std::to_string(number);
  return context.page(
      "listing", std::move(view),
      {.title = home ? model.title : title,
       .path = site::listing_page_path(listing, number),
       .description = home ? model.description : listing_description(context, heading, titles)});
}

Document render_term_index(const Context& context, const site::TermIndex& index) {
  const auto& model = context.model();
  const std::string heading = term_index_heading(context, index);
  std::vector<View> terms;
  std::vector<std::string> names;
  for (const auto& entry : index.entries) {
    const site::Listing& listing = model.listings[entry.listing];
    terms.push_back(View::object({{"name", listing.name},
                                  {"href", site::href(listing.base_path)},
                                  {"count", std::to_string(listing.articles.size())},
                                  {"depth", std::to_string(entry.depth)}}));
    names.push_back(listing.name);
  }
  View view;
  view.set("heading", heading);
  view.set("terms", View::list(std::move(terms)));
  return context.page("terms", std::move(view),
                      {.title = heading,
                       .path = index.path,
                       .description = listing_description(context, heading, names)});
}

std::string render_feed(const Context& context, const std::vector<std::string>& excerpts) {
  const auto& model = context.model();
  std::vector<View> entries;
  for (std::size_t i = 0; i < std::min({kFeedEntries, model.articles.size(), excerpts.size()});
       ++i) {
    const auto& article = model.articles[i];
    const auto& post = *article.post;
    // The WordPress guid keeps entry ids stable across rebuilds and identical to the
    // ids feed readers saw from the old blog.
    const std::string id = post.guid.empty() ? context.absolute(article.path) : post.guid;
    const auto& when = post.date_gmt ? *post.date_gmt : *post.date;
    entries.push_back(View::object({{"title", post.title},
                                    {"id", id},
                                    {"url", context.absolute(article.path)},
                                    {"published", core::to_rfc3339_utc(when)},
                                    {"author", View::text_or_false(author_name(model, post))},
                                    {"summary", excerpts.at(i)}}));
  }
  View view;
  view.set("lang", model.config.language);
  view.set("site_title", model.title);
  view.set("description", View::text_or_false(model.description));
  view.set("feed_id", context.absolute(site::kFeedPath));
  view.set("feed_url", context.absolute(site::kFeedPath));
  view.set("home_url", model.config.base_url);
  const auto* newest = model.articles.empty() ? nullptr : model.articles.front().post;
  view.set("updated",
           newest ? core::to_rfc3339_utc(newest->date_gmt ? *newest->date_gmt : *newest->date)
                  : std::string("1970-01-01T00:00:00Z"));
  view.set("entries", View::list(std::move(entries)));
  return context.render("atom.xml", view);
}

std::string render_sitemap(const Context& context) {
  const auto& model = context.model();
  std::vector<View> urls;
  const auto add = [&](const std::string& path, const std::optional<core::DateTime>& date) {
    urls.push_back(View::object(
        {{"loc", context.absolute(path)},
         {"lastmod",
          date ? View(fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day))
               : View(false)}}));
  };
  for (const auto& listing : model.listings) {
    for (int number = 1; number <= model.page_count(listing); ++number) {
      add(site::listing_page_path(listing, number), std::nullopt);
    }
  }
  for (const auto& index : model.term_indexes) {
    add(index.path, std::nullopt);
  }
  for (const auto& article : model.articles) {
    add(article.path, article.post->date);
  }
  for (const auto& page : model.pages) {
    add(page.path, page.post->date);
  }
  View view;
  view.set("urls", View::list(std::move(urls)));
  return context.render("sitemap.xml", view);
}

}  // namespace

PageRenderer::PageRenderer(const site::SiteModel& model, const Theme& theme)
    : context_(std::make_unique<Context>(model, theme)) {}

PageRenderer::~PageRenderer() = default;

Document PageRenderer::article(std::size_t index, const RenderedItem& item) const {
  return render_article(*context_, index, item);
}

Document PageRenderer::page(std::size_t index, const RenderedItem& item) const {
  return render_page(*context_, context_->model().pages.at(index), item);
}

std::string PageRenderer::listing_entry(std::size_t index, const std::string& excerpt_html) const {
  const site::Article& article = context_->model().articles.at(index);
  View view;
  view.set("title", article.post->title);
  view.set("href", site::href(article.path));
  view.set("date", context_->catalog().date(*article.post->date));
  view.set("iso_date", core::to_iso_local(*article.post->date));
  view.set("excerpt", excerpt_html);
  return context_->render("entry", view);
}

Document PageRenderer::listing_page(const site::Listing& listing, int number,
                                    const core::PackedStrings& entries,
                                    const std::string& description_html) const {
  return render_listing_page(*context_, listing, number, entries, description_html);
}

Document PageRenderer::term_index(const site::TermIndex& index) const {
  return render_term_index(*context_, index);
}

std::string PageRenderer::feed(const std::vector<std::string>& excerpts) const {
  return render_feed(*context_, excerpts);
}

std::string PageRenderer::sitemap() const {
  return render_sitemap(*context_);
}

std::string PageRenderer::robots() const {
  View view;
  view.set("sitemap_url", context_->absolute(site::kSitemapPath));
  return context_->render("robots.txt", view);
}

Document PageRenderer::search_page() const {
  View view;
  view.set("search_href", std::string(site::kSearchPath));
  const auto& model = context_->model();
  return context_->page("search", std::move(view),
                        {.title = context_->catalog().get("search_title"),
                         .path = std::string(site::kSearchPath),
                         .description = context_->catalog().format("search_description",
                                                                   {{"title", blog_title(model)}}),
                         .is_search_page = true});
}

Document PageRenderer::not_found() const {
  View view;
  view.set("search_enabled", context_->model().config.search.enabled);
  view.set("search_href", std::string(site::kSearchPath));
  return context_->page("404", std::move(view),
                        {.title = context_->catalog().get("not_found_title"),
                         .path = "/404.html",
                         .is_not_found = true});
}

std::string PageRenderer::favicon() const {
  View view;
  const std::string letter = core::initial(context_->model().title);
  view.set("monogram", letter.empty() ? std::string("·") : letter);
  return context_->render("favicon.svg", view);
}

}  // namespace blogarchive::render
