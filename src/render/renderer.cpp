#include "render/renderer.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <map>

#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "render/catalog.hpp"
#include "site/paths.hpp"
#include "site/security_headers.hpp"

namespace blogarchive::render {
namespace mustache = kainjow::mustache;

namespace {

// Open Graph wants a territory: the one where most readers of each language live.
std::string open_graph_locale(std::string_view language) {
  static const std::map<std::string, std::string, std::less<>> kLocales{
      {"de", "de_DE"}, {"en", "en_US"}, {"fr", "fr_FR"}, {"es", "es_ES"}, {"it", "it_IT"},
      {"nl", "nl_NL"}, {"pt", "pt_PT"}, {"pl", "pl_PL"}, {"sv", "sv_SE"}, {"da", "da_DK"}};
  const auto found = kLocales.find(language);
  return found == kLocales.end() ? "en_US" : found->second;
}

}  // namespace


// Everything every page needs: the model, the catalog and the compiled templates.
// One per thread (kainjow's render() is not const).
class Context {
 public:
  Context(const site::SiteModel& model, const Theme& theme)
      : model_(model),
        theme_(theme),
        catalog_(Catalog::parse(theme.file("i18n/" + model.config.language + ".toml"),
                                model.config.language)) {
    for (const char* name : {"layout", "article", "comment", "page", "listing", "entry", "404", "search"}) {
      templates_.emplace(name, compile("templates/" + std::string(name) + ".html"));
    }
    for (const char* name : {"atom.xml", "sitemap.xml", "robots.txt"}) {
      templates_.emplace(name, compile("templates/" + std::string(name)));
    }
    mustache::list top_pages;
    for (const auto& p : model.pages) {
      if (!p.parent) {
        top_pages.push_back(mustache::object{{"href", site::href(p.path)}, {"title", p.post->title}});
      }
    }
    top_pages_ = top_pages;
    csp_ = site::content_security_policy(model.config.privacy, false);
  }

  const site::SiteModel& model() const { return model_; }
  const Catalog& catalog() const { return catalog_; }
  std::string absolute(std::string_view path) const { return model_.config.base() + site::href(path); }

  std::string render(const std::string& name, const mustache::data& data) const {
    return templates_.at(name).render(data);
  }

  // Wraps `content` in the layout.
  std::string page(const std::string& title, const std::string& path, const std::string& content,
                   bool is_article, const std::string& json_ld, const std::string& description,
                   bool is_search_page = false) const {
    mustache::data data;
    data.set("lang", model_.config.language);
    data.set("page_title", title == model_.title ? title : title + " – " + model_.title);
    data.set("site_title", model_.title);
    data.set("canonical", absolute(path));
    data.set("feed_href", std::string(site::kFeedPath));
    data.set("og_type", is_article ? "article" : "website");
    data.set("og_title", title);
    data.set("og_locale", open_graph_locale(model_.config.language));
    data.set("description", description.empty() ? mustache::data(false) : mustache::data(description));
    data.set("json_ld", json_ld.empty() ? mustache::data(false) : mustache::data(json_ld));
    data.set("content", content);
    const auto& cookie = model_.config.cookie_notice;
    data.set("cookie_enabled", cookie.enabled);
    data.set("cookie_text", cookie.text.empty() ? catalog_.get(cookie_text_key()) : cookie.text);
    data.set("csp", csp_);
    data.set("two_click_embeds", model_.config.privacy.two_click_embeds);
    data.set("privacy_url", cookie.privacy_url.empty() ? mustache::data(false) : mustache::data(cookie.privacy_url));
    data.set("has_pages", !top_pages_.is_empty_list());
    data.set("top_pages", top_pages_);
    data.set("search_enabled", model_.config.search.enabled);
    data.set("search_page", is_search_page);
    data.set("search_href", std::string(site::kSearchPath));
    return render("layout", data);
  }

 private:
  mustache::mustache compile(const std::string& path) const {
    mustache::mustache compiled(localize_template(theme_.file(path), catalog_, path));
    if (!compiled.is_valid()) {
      throw InputError(fmt::format("theme template {}: {}", path, compiled.error_message()));
    }
    return compiled;
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
  mutable std::map<std::string, mustache::mustache> templates_;  // render() is not const
  mustache::data top_pages_;  ///< the same header menu on every page
};

namespace {

mustache::list term_list(const std::vector<site::TermLink>& terms) {
  mustache::list list;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    list.push_back(mustache::object{{"name", terms[i].name}, {"href", site::href(terms[i].path)},
                                    {"last", i + 1 == terms.size()}});
  }
  return list;
}

std::string comment_tree(const Context& context, const std::vector<RenderedComment>& comments) {
  std::string html;
  for (const auto& comment : comments) {
    mustache::data data;
    data.set("id", std::to_string(comment.id));
    data.set("author", comment.author);
    data.set("url", comment.url.empty() ? mustache::data(false) : mustache::data(comment.url));
    data.set("date", comment.date ? context.catalog().date(*comment.date) : std::string{});
    data.set("iso_date", comment.date ? core::to_iso_local(*comment.date) : std::string{});
    data.set("html", comment.html);
    data.set("has_replies", !comment.replies.empty());
    data.set("replies", comment_tree(context, comment.replies));
    html += context.render("comment", data);
  }
  return html;
}

std::string article_json_ld(const Context& context, const site::Article& article, const std::string& author) {
  const auto& post = *article.post;
  std::string json = "{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\"";
  json += ",\"headline\":" + core::json_string(post.title);
  json += ",\"datePublished\":" + core::json_string(core::to_iso_local(*post.date));
  json += ",\"url\":" + core::json_string(context.absolute(article.path));
  json += ",\"mainEntityOfPage\":" + core::json_string(context.absolute(article.path));
  json += ",\"inLanguage\":" + core::json_string(context.model().config.language);
  if (!author.empty()) {
    json += ",\"author\":{\"@type\":\"Person\",\"name\":" + core::json_string(author) + "}";
  }
  return json + "}";
}

std::string author_name(const site::SiteModel& model, const blog::Post& post) {
  const auto found = model.author_names.find(post.author_login);
  return found != model.author_names.end() ? found->second : site::public_author_name({}, post.author_login);
}

std::string render_article(const Context& context, std::size_t index, const RenderedItem& item) {
  const auto& model = context.model();
  const site::Article& article = model.articles[index];
  const auto& post = *article.post;
  const auto& catalog = context.catalog();
  const std::string author = author_name(model, post);
  mustache::data data;
  data.set("title", post.title);
  data.set("date", catalog.date(*post.date));
  data.set("iso_date", core::to_iso_local(*post.date));
  data.set("author", !author.empty());
  data.set("author_line", catalog.format("by_author", {{"author", author}}));
  const auto& notice = model.config.notice;
  data.set("notice_text", notice.text.empty() ? catalog.get("notice_text") : notice.text);
  data.set("notice_link_url", notice.link_url.empty() ? mustache::data(false) : mustache::data(notice.link_url));
  data.set("notice_link_text", notice.link_text.empty() ? notice.link_url : notice.link_text);
  data.set("body", item.body_html);
  data.set("has_terms", !article.categories.empty() || !article.tags.empty());
  data.set("has_categories", !article.categories.empty());
  data.set("categories", term_list(article.categories));
  data.set("has_tags", !article.tags.empty());
  data.set("tags", term_list(article.tags));
  // Newer is the article before this one in the newest-first order.
  data.set("newer", index == 0 ? mustache::data(false)
                               : mustache::data(mustache::object{{"href", site::href(model.articles[index - 1].path)}}));
  data.set("older", index + 1 >= model.articles.size()
                        ? mustache::data(false)
                        : mustache::data(mustache::object{{"href", site::href(model.articles[index + 1].path)}}));
  data.set("overview_href", site::href(site::listing_page_path(model.listings.front(), article.overview_page)));
  data.set("has_comments", item.comment_count > 0);
  data.set("comment_count", item.comment_count == 1
                                ? catalog.get("comment_count_one")
                                : catalog.format("comment_count_many", {{"count", std::to_string(item.comment_count)}}));
  data.set("comments_html", "<ol>" + comment_tree(context, item.comments) + "</ol>");
  mustache::list pings;
  for (const auto& ping : item.pings) {
    pings.push_back(mustache::object{{"author", ping.author},
                                     {"url", ping.url.empty() ? mustache::data(false) : mustache::data(ping.url)},
                                     {"date", ping.date ? catalog.date(*ping.date) : std::string{}}});
  }
  data.set("has_pings", !pings.empty());
  data.set("pings", pings);
  const std::string content = context.render("article", data);
  return context.page(post.title, article.path, content, true, article_json_ld(context, article, author),
                      core::first_words(item.summary_text, 30));
}

std::string render_page(const Context& context, const site::Page& page, const RenderedItem& item) {
  const auto& model = context.model();
  mustache::data data;
  data.set("title", page.post->title);
  data.set("body", item.body_html);
  data.set("parent", page.parent ? mustache::data(mustache::object{
                                       {"href", site::href(model.pages[*page.parent].path)},
                                       {"title", model.pages[*page.parent].post->title}})
                                 : mustache::data(false));
  mustache::list children;
  for (const std::size_t child : page.children) {
    children.push_back(mustache::object{{"href", site::href(model.pages[child].path)},
                                        {"title", model.pages[child].post->title}});
  }
  data.set("has_children", !children.empty());
  data.set("children", children);
  return context.page(page.post->title, page.path, context.render("page", data), false, {},
                      core::first_words(item.summary_text, 30));
}

std::string listing_heading(const Context& context, const site::Listing& listing) {
  const auto& catalog = context.catalog();
  switch (listing.kind) {
    case site::Listing::Kind::Overview: return catalog.get("overview");
    case site::Listing::Kind::Category: return catalog.format("archive_category", {{"name", listing.name}});
    case site::Listing::Kind::Tag: return catalog.format("archive_tag", {{"name", listing.name}});
    case site::Listing::Kind::Year: return catalog.format("archive_year", {{"name", listing.name}});
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
  // The blog's own name, not the archive's title ("… – Archiv").
  const std::string& blog_title = model.snapshot->site.title.empty() ? model.title : model.snapshot->site.title;
  const std::map<std::string, std::string> values{{"title", blog_title},
                                                  {"first_year", std::to_string(model.first_year)},
                                                  {"last_year", std::to_string(model.last_year)}};
  return context.catalog().format(model.first_year == model.last_year ? "intro_single_year" : "intro", values);
}

std::string render_listing_page(const Context& context, const site::Listing& listing, int number,
                                const std::vector<std::string>& entries, const std::string& description_html) {
  const auto& model = context.model();
  const int pages = model.page_count(listing);
  const auto per_page = static_cast<std::size_t>(model.config.per_page);
  const std::string heading = listing_heading(context, listing);
  std::string entries_html;
  const std::size_t first = static_cast<std::size_t>(number - 1) * per_page;
  for (std::size_t k = first; k < std::min(listing.articles.size(), first + per_page); ++k) {
    entries_html += entries.at(listing.articles[k]);
  }
  mustache::data data;
  data.set("heading", heading);
  const std::string intro = listing.kind == site::Listing::Kind::Overview && number == 1 ? overview_intro(context) : "";
  data.set("intro", intro.empty() ? mustache::data(false) : mustache::data(intro));
  data.set("description", number == 1 && !description_html.empty() ? mustache::data(description_html)
                                                                     : mustache::data(false));
  data.set("entries", entries_html);
  data.set("has_pagination", pages > 1);
  data.set("page_of", context.catalog().format("page_of", {{"page", std::to_string(number)},
                                                           {"pages", std::to_string(pages)}}));
  data.set("newer_page", number > 1 ? mustache::data(site::href(site::listing_page_path(listing, number - 1)))
                                    : mustache::data(false));
  data.set("older_page", number < pages ? mustache::data(site::href(site::listing_page_path(listing, number + 1)))
                                        : mustache::data(false));
  const std::string path = site::listing_page_path(listing, number);
  const std::string title = number == 1 ? heading : heading + " – " + std::to_string(number);
  const bool home = listing.kind == site::Listing::Kind::Overview && number == 1;
  return context.page(home ? model.title : title, path, context.render("listing", data), false, {},
                      home ? model.description : "");
}

std::string render_feed(const Context& context, const std::vector<std::string>& excerpts) {
  const auto& model = context.model();
  mustache::list entries;
  for (std::size_t i = 0; i < std::min({kFeedEntries, model.articles.size(), excerpts.size()}); ++i) {
    const auto& article = model.articles[i];
    const auto& post = *article.post;
    // The WordPress guid keeps entry ids stable across rebuilds and identical to the
    // ids feed readers saw from the old blog.
    const std::string id = post.guid.empty() ? context.absolute(article.path) : post.guid;
    const auto& when = post.date_gmt ? *post.date_gmt : *post.date;
    const std::string author = author_name(model, post);
    entries.push_back(mustache::object{{"title", post.title},
                                       {"id", id},
                                       {"url", context.absolute(article.path)},
                                       {"published", core::to_rfc3339_utc(when)},
                                       {"author", author.empty() ? mustache::data(false) : mustache::data(author)},
                                       {"summary", excerpts.at(i)}});
  }
  mustache::data data;
  data.set("lang", model.config.language);
  data.set("site_title", model.title);
  data.set("description", model.description.empty() ? mustache::data(false) : mustache::data(model.description));
  data.set("feed_id", context.absolute(site::kFeedPath));
  data.set("feed_url", context.absolute(site::kFeedPath));
  data.set("home_url", model.config.base_url);
  const auto* newest = model.articles.empty() ? nullptr : model.articles.front().post;
  data.set("updated", newest ? core::to_rfc3339_utc(newest->date_gmt ? *newest->date_gmt : *newest->date)
                             : std::string("1970-01-01T00:00:00Z"));
  data.set("entries", entries);
  return context.render("atom.xml", data);
}

std::string render_sitemap(const Context& context) {
  const auto& model = context.model();
  mustache::list urls;
  const auto add = [&](const std::string& path, const std::optional<core::DateTime>& date) {
    urls.push_back(mustache::object{{"loc", context.absolute(path)},
                                    {"lastmod", date ? mustache::data(fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day))
                                                     : mustache::data(false)}});
  };
  for (const auto& listing : model.listings) {
    for (int number = 1; number <= model.page_count(listing); ++number) {
      add(site::listing_page_path(listing, number), std::nullopt);
    }
  }
  for (const auto& article : model.articles) {
    add(article.path, article.post->date);
  }
  for (const auto& page : model.pages) {
    add(page.path, page.post->date);
  }
  mustache::data data;
  data.set("urls", urls);
  return context.render("sitemap.xml", data);
}

}  // namespace

PageRenderer::PageRenderer(const site::SiteModel& model, const Theme& theme)
    : context_(std::make_unique<Context>(model, theme)) {}

PageRenderer::~PageRenderer() = default;

std::string PageRenderer::article(std::size_t index, const RenderedItem& item) const {
  return render_article(*context_, index, item);
}

std::string PageRenderer::page(std::size_t index, const RenderedItem& item) const {
  return render_page(*context_, context_->model().pages.at(index), item);
}

std::string PageRenderer::listing_entry(std::size_t index, const std::string& excerpt_html) const {
  const site::Article& article = context_->model().articles.at(index);
  mustache::data data;
  data.set("title", article.post->title);
  data.set("href", site::href(article.path));
  data.set("date", context_->catalog().date(*article.post->date));
  data.set("iso_date", core::to_iso_local(*article.post->date));
  data.set("excerpt", excerpt_html);
  return context_->render("entry", data);
}

std::string PageRenderer::listing_page(const site::Listing& listing, int number,
                                       const std::vector<std::string>& entries,
                                       const std::string& description_html) const {
  return render_listing_page(*context_, listing, number, entries, description_html);
}

std::string PageRenderer::feed(const std::vector<std::string>& excerpts) const {
  return render_feed(*context_, excerpts);
}

std::string PageRenderer::sitemap() const { return render_sitemap(*context_); }

std::string PageRenderer::robots() const {
  mustache::data robots;
  robots.set("sitemap_url", context_->absolute(site::kSitemapPath));
  return context_->render("robots.txt", robots);
}

std::string PageRenderer::search_page() const {
  mustache::data data;
  data.set("search_href", std::string(site::kSearchPath));
  return context_->page(context_->catalog().get("search_title"), site::kSearchPath,
                        context_->render("search", data), false, {}, {}, true);
}

std::string PageRenderer::not_found() const {
  return context_->page(context_->catalog().get("not_found_title"), "/404.html",
                        context_->render("404", mustache::data{}), false, {}, {});
}

}  // namespace blogarchive::render
