#include "importers/sitefolders/jekyll_reader.hpp"

#include <fmt/format.h>

#include <map>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "importers/author_collector.hpp"
#include "importers/derived_id.hpp"
#include "importers/sitefolders/macros.hpp"
#include "importers/sitefolders/permalinks.hpp"
#include "importers/sitefolders/site_files.hpp"
#include "importers/term_collector.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

// What _config.yml says that the import needs.
struct Config {
  FrontMatter values;
  std::string base_path;  ///< baseurl: "/blog" or ""
  std::string site_url;   ///< url + baseurl
  std::string permalink_pattern;
  bool pretty_pages = false;  ///< pages end in '/' instead of ".html"
  std::set<std::string> markdown_extensions{"markdown", "mkdown", "mkdn", "mkd", "md"};
  std::set<std::string> excluded{"node_modules", "vendor", "Gemfile", "gemfiles"};
  bool future = false;
};

Config read_config(const std::filesystem::path& folder) {
  Config config;
  const auto file = folder / "_config.yml";
  if (const auto text = core::read_file(file)) {
    core::Diagnostics ignored;  // _config.yml is the owner's own file: repairs need no report
    config.values = parse_yaml(decode_text(*text, file.string(), ignored), file.string());
  }
  std::string base_path(core::trim(config.values.text("baseurl")));
  while (base_path.ends_with('/')) {
    base_path.pop_back();
  }
  if (!base_path.empty() && !base_path.starts_with('/')) {
    base_path.insert(0, "/");
  }
  config.base_path = base_path;
  std::string url(core::trim(config.values.text("url")));
  while (url.ends_with('/')) {
    url.pop_back();
  }
  config.site_url = url.empty() ? base_path : url + base_path;
  const std::string style = config.values.text("permalink");
  config.permalink_pattern = jekyll_permalink_pattern(style);
  config.pretty_pages = core::trim(style) == "pretty" || config.permalink_pattern.ends_with('/');
  if (const std::string extensions = config.values.text("markdown_ext"); !extensions.empty()) {
    config.markdown_extensions.clear();
    for (const auto extension : core::split(extensions, ',')) {
      config.markdown_extensions.insert(core::to_lower_ascii(core::trim(extension)));
    }
  }
  for (const auto& excluded : config.values.list("exclude")) {
    config.excluded.insert(excluded);
  }
  config.future = config.values.flag("future").value_or(false);
  return config;
}

enum class Kind { Post, Draft, Page };

// Where a file sits decides what it is: under _posts a post, under _drafts a draft,
// elsewhere (outside _-folders) perhaps a page.
struct Placement {
  Kind kind = Kind::Page;
  std::vector<std::string> folder_categories;  ///< the folders above _posts
  std::string within;                          ///< the path below _posts or _drafts
};

std::optional<Placement> placement_of(const std::string& relative) {
  const auto parts = core::split(relative, '/');
  Placement placement;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "_posts" || parts[i] == "_drafts") {
      placement.kind = parts[i] == "_posts" ? Kind::Post : Kind::Draft;
      for (std::size_t j = 0; j < i; ++j) {
        placement.folder_categories.emplace_back(parts[j]);
      }
      placement.within =
          relative.substr(relative.find(std::string(parts[i]) + "/") + parts[i].size() + 1);
      return placement;
    }
    if (parts[i].starts_with('_')) {
      return std::nullopt;
    }
  }
  placement.within = relative;
  return placement;
}

// A page's name: its file's, or for "about/index.md" its folder's.
std::string page_name(const std::string& relative, const std::string& stem) {
  const auto parts = core::split(relative, '/');
  return stem == "index" && parts.size() > 1 ? std::string(parts[parts.size() - 2]) : stem;
}

// Jekyll's plural rule: the singular key wins; a plural string is split at spaces.
std::vector<std::string> singular_or_plural(const FrontMatter& front_matter, const char* singular,
                                            const char* plural) {
  auto values = front_matter.list(singular);
  return values.empty() ? front_matter.list(plural, true) : values;
}

// A post or page read from its file; its body still holds Liquid until all URLs are known.
struct Entry {
  blog::Post post;
  std::string body;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::string author;
};

class Reader {
 public:
  Reader(const std::filesystem::path& folder, const ReadOptions& options, blog::ImportSink& sink,
         core::Diagnostics& diagnostics)
      : folder_(folder),
        options_(options),
        sink_(sink),
        diagnostics_(diagnostics),
        config_(read_config(folder)),
        authors_(sink),
        categories_(sink, blog::TermKind::Category, true),
        tags_(sink, blog::TermKind::Tag, true) {}

  void run() {
    sink_.site(site_info());
    for (const auto& file :
         list_files(folder_, [&](const std::string&relative, const std::string&name) {
           return config_.excluded.contains(name) || config_.excluded.contains(relative) ||
                  name == "_site" ||
                  (name.starts_with('_') && name != "_posts" && name != "_drafts");
         })) {
      if (auto placement = placement_of(file.relative)) {
        read_file(file, *placement);
      }
    }
    for (auto& entry : entries_) {
      finish(entry);
      sink_.post(entry.post);
    }
  }

 private:
  blog::SiteInfo site_info() const {
    return {config_.values.text("title"),
            config_.values.text("description"),
            config_.site_url,
            "",
            "",
            config_.values.first_text({"lang", "locale"}),
            "jekyll"};
  }

  void read_file(const SiteFile& file, const Placement& placement) {
    const auto [stem, extension] = split_extension(file.path.filename().string());
    const auto markup = markup_of_extension(extension, config_.markdown_extensions);
    std::optional<NamedDate> named = date_in_file_name(file.path.filename().string());
    if (placement.kind == Kind::Post && (!named || !markup)) {
      diagnostics_.warn(file.path.string(),
                        named ? "not a text format Jekyll converts; skipped, as Jekyll does"
                              : "not named YYYY-MM-DD-title.ext; skipped, as Jekyll does");
      return;
    }
    if (placement.kind == Kind::Page && (!markup || *markup == blog::Markup::Paragraphs)) {
      return;  // stylesheets, scripts, images, feeds: the theme's, not the blog's
    }
    auto text = read_text_file(file, options_, diagnostics_);
    if (!text) {
      return;
    }
    if (placement.kind == Kind::Page && !is_content_page(file, *text)) {
      return;
    }
    Entry entry;
    blog::Post& post = entry.post;
    post.source = file.path.string();
    post.id = unique_derived_id("jekyll:" + file.relative, ids_);
    post.type = placement.kind == Kind::Page ? blog::ItemKind::Page : blog::ItemKind::Article;
    post.status =
        placement.kind == Kind::Draft ? blog::Visibility::Draft : blog::Visibility::Published;
    post.markup = *markup;
    const FrontMatter& front = text->front_matter;
    const std::string name_slug =
        named ? split_extension(named->rest).first : page_name(file.relative, stem);
    if (named && placement.kind != Kind::Page) {
      post.date = named->date;
    }
    set_post_date(post, front.text("date"), diagnostics_);
    if (front.flag("published") == false) {
      post.status = blog::Visibility::Draft;
    }
    if (post.status == blog::Visibility::Published && post.date && !config_.future &&
        is_in_future(*post.date)) {
      post.status = blog::Visibility::Scheduled;
    }
    const std::string front_slug = front.text("slug");
    post.slug = jekyll_slug(front_slug.empty() ? name_slug : front_slug);
    post.title = front.text("title");
    if (post.title.empty()) {
      post.title = title_from_slug(name_slug);
    }
    post.excerpt = front.text("excerpt");
    entry.author = front.text("author");
    if (entry.author.empty()) {
      entry.author = front.list("author").empty() ? config_.values.text("author.name")
                                                  : front.list("author").front();
    }
    if (entry.author.empty()) {
      entry.author = config_.values.text("author");
    }
    entry.categories = placement.folder_categories;
    for (auto& category : singular_or_plural(front, "category", "categories")) {
      entry.categories.push_back(std::move(category));
    }
    entry.tags = singular_or_plural(front, "tag", "tags");
    post.link =
        join_url(config_.site_url, permalink(file, placement, front, post, entry.categories, stem));
    for (const auto& alias : front.list("redirect_from")) {
      post.aliases.push_back(
          join_url(config_.site_url, alias.starts_with('/') ? alias : "/" + alias));
    }
    entry.body = text->body;
    remember_names(file, placement, post.link);
    entries_.push_back(std::move(entry));
  }

  // A page is content when it has front matter and is not one of the templates that
  // made the old site's listings (the archive builds its own) or a redirect stub.
  bool is_content_page(const SiteFile& file, const TextFile& text) {
    if (!text.has_front_matter) {
      return false;  // Jekyll copies such files unchanged: READMEs, licences
    }
    const auto [stem, extension] = split_extension(file.relative);
    const bool listing = stem == "index" || text.body.find("paginator.") != std::string::npos ||
                         text.body.find("site.posts") != std::string::npos ||
                         text.body.find("site.categories") != std::string::npos ||
                         text.body.find("site.tags") != std::string::npos;
    if (listing) {
      diagnostics_.warn(
          file.path.string(),
          "a listing template of the old site, not an article; the archive builds its "
          "own overview and archives");
      return false;
    }
    if (!text.front_matter.text("redirect_to").empty()) {
      diagnostics_.warn(
          file.path.string(),
          "a redirect to " + text.front_matter.text("redirect_to") + ", not a page; skipped");
      return false;
    }
    return true;
  }

  std::string permalink(const SiteFile& file, const Placement& placement, const FrontMatter& front,
                        const blog::Post& post, const std::vector<std::string>& categories,
                        const std::string& stem) const {
    PermalinkFields fields;
    fields.date = post.date;
    fields.title = post.slug;
    fields.slug = post.slug;
    fields.filename = stem;
    fields.categories = categories;
    const std::string own = front.text("permalink");
    if (!own.empty()) {
      return expand_permalink(own, fields);
    }
    if (placement.kind != Kind::Page) {
      return expand_permalink(config_.permalink_pattern, fields);
    }
    const auto slash = file.relative.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : file.relative.substr(0, slash);
    if (stem == "index") {
      return "/" + folder + "/";
    }
    return "/" + (folder.empty() ? "" : folder + "/") + stem +
           (config_.pretty_pages ? "/" : ".html");
  }

  // The names {% post_url %} and {% link %} use for this file.
  void remember_names(const SiteFile& file, const Placement& placement, const std::string& link) {
    const std::string path = core::split_url(link).path;
    links_[file.relative] = path;
    if (placement.kind == Kind::Post) {
      links_["post_url:" + split_extension(placement.within).first] = path;
      links_["post_url:" + split_extension(file.path.filename().string()).first] = path;
    }
  }

  void finish(Entry& entry) {
    MacroContext context;
    context.site_path = config_.base_path;
    context.site_url = config_.site_url;
    context.variables = {{"site.baseurl", config_.base_path},
                         {"site.url", std::string(core::trim(config_.values.text("url")))},
                         {"site.title", config_.values.text("title")},
                         {"site.description", config_.values.text("description")},
                         {"page.title", entry.post.title},
                         {"page.url", core::split_url(entry.post.link).path}};
    context.url_of = [&](std::string_view name) -> std::optional<std::string> {
      const std::string key(core::trim(name));
      for (const auto& candidate : {"post_url:" + key, key, "_posts/" + key}) {
        if (const auto it = links_.find(candidate); it != links_.end()) {
          return it->second;
        }
      }
      return std::nullopt;
    };
    entry.post.content = expand_liquid(entry.body, context, entry.post.source, diagnostics_);
    entry.post.excerpt =
        expand_liquid(entry.post.excerpt, context, entry.post.source, diagnostics_);
    entry.post.author_login =
        authors_.add(login_of(entry.author), std::string(core::trim(entry.author)));
    for (const auto& category : entry.categories) {
      categories_.add(entry.post, category);
    }
    for (const auto& tag : entry.tags) {
      tags_.add(entry.post, tag);
    }
  }

  const std::filesystem::path& folder_;
  const ReadOptions& options_;
  blog::ImportSink& sink_;
  core::Diagnostics& diagnostics_;
  Config config_;
  AuthorCollector authors_;
  TermCollector categories_;
  TermCollector tags_;
  std::set<std::int64_t> ids_;
  std::vector<Entry> entries_;
  std::map<std::string, std::string> links_;  ///< post_url names and source paths → URL paths
};

}  // namespace

bool JekyllImporter::recognizes_folder(const std::filesystem::path& folder) const {
  std::error_code error;
  return std::filesystem::is_directory(folder / "_posts", error) ||
         std::filesystem::is_regular_file(folder / "_config.yml", error);
}

void JekyllImporter::read(const std::filesystem::path& folder, const ReadOptions& options,
                          blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  Reader(folder, options, sink, diagnostics).run();
}

}  // namespace blogarchive::importers::sitefolders
