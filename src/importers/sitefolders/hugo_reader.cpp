#include "importers/sitefolders/hugo_reader.hpp"

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

const std::set<std::string> kMarkdown{"md", "markdown", "mdown", "mkd", "mkdn"};
// Content formats Hugo hands to external programs we do not have.
const std::set<std::string> kExternal{".org", ".adoc",   ".asciidoc", ".ad",
                                      ".rst", ".pandoc", ".pdc"};

// What the site config says that the import needs.
struct Config {
  FrontMatter values;
  std::string file;       ///< which config file was read, for messages
  std::string site_url;   ///< baseURL without the trailing '/'
  std::string base_path;  ///< its path: "/blog" or ""
  std::string content_dir = "content";
  std::map<std::string, std::string> permalinks;  ///< section → pattern
  std::set<std::string> main_sections;
  bool ugly_urls = false;
  std::string tags_key = "tags";
  std::string categories_key = "categories";
};

FrontMatter parse_config(const std::filesystem::path& file) {
  core::Diagnostics ignored;  // the owner's own config: repairs need no report
  const auto bytes = core::read_file(file);
  if (!bytes) {
    throw InputError(fmt::format("cannot read '{}'", file.string()));
  }
  const std::string text = decode_text(*bytes, file.string(), ignored);
  return file.extension() == ".toml" ? parse_toml(text, file.string())
                                     : parse_yaml(text, file.string());
}

void read_permalinks(const Value& table, Config& config) {
  for (const auto& [key, value] : table.fields) {
    if (value.kind == Value::Kind::Scalar) {
      config.permalinks[key] = value.scalar;
    } else if (key == "page" &&
               value.kind == Value::Kind::Map) {  // Hugo ≥ 0.112: [permalinks.page]
      read_permalinks(value, config);
    }
  }
}

Config read_config(const std::filesystem::path& folder) {
  Config config;
  for (const char* name :
       {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
        "config.yml", "config.json", "config/_default/hugo.toml", "config/_default/config.toml",
        "config/_default/hugo.yaml", "config/_default/config.yaml"}) {
    if (std::filesystem::is_regular_file(folder / name)) {
      config.values = parse_config(folder / name);
      config.file = name;
      break;
    }
  }
  config.site_url = std::string(core::trim(config.values.text("baseurl")));
  while (config.site_url.ends_with('/')) {
    config.site_url.pop_back();
  }
  config.base_path = core::split_url(config.site_url).path;
  if (const std::string dir = config.values.text("contentdir"); !dir.empty()) {
    config.content_dir = dir;
  }
  if (const Value* permalinks = config.values.find("permalinks")) {
    read_permalinks(*permalinks, config);
  }
  for (const char* key : {"mainsections", "params.mainsections"}) {
    for (const auto& section : config.values.list(key)) {
      config.main_sections.insert(core::to_lower_ascii(section));
    }
  }
  config.ugly_urls = config.values.flag("uglyurls").value_or(false);
  if (const std::string key = config.values.text("taxonomies.tag"); !key.empty()) {
    config.tags_key = core::to_lower_ascii(key);
  }
  if (const std::string key = config.values.text("taxonomies.category"); !key.empty()) {
    config.categories_key = core::to_lower_ascii(key);
  }
  return config;
}

// A content file and where Hugo publishes it: a leaf bundle's index.md stands for its
// folder.
struct ContentFile {
  SiteFile file;
  std::string folder;   ///< the folder the page lives in, under content/: "post" or ""
  std::string name;     ///< file name without extension, or the bundle's folder name
  std::string section;  ///< first folder under content/, "" for top-level pages
};

bool is_content_extension(const std::string& extension) {
  const std::string lower = core::to_lower_ascii(extension);
  return kMarkdown.contains(lower.substr(1)) || lower == ".html" || lower == ".htm";
}

std::string parent_of(const std::string& relative) {
  const auto slash = relative.rfind('/');
  return slash == std::string::npos ? "" : relative.substr(0, slash);
}

std::string last_segment(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The pages among the files: not list pages (_index), not a bundle's resources.
std::vector<ContentFile> content_files(const std::vector<SiteFile>& files,
                                       core::Diagnostics& diagnostics) {
  std::set<std::string> bundles;  // folders with an index.md: leaf bundles
  for (const auto& file : files) {
    const auto [stem, extension] = split_extension(last_segment(file.relative));
    if (stem == "index" && is_content_extension(extension)) {
      bundles.insert(parent_of(file.relative));
    }
  }
  const auto inside_bundle = [&](std::string folder) {
    for (; !folder.empty(); folder = parent_of(folder)) {
      if (bundles.contains(folder)) {
        return true;
      }
    }
    return false;
  };
  std::vector<ContentFile> found;
  for (const auto& file : files) {
    const auto [stem, extension] = split_extension(last_segment(file.relative));
    const std::string folder = parent_of(file.relative);
    if (kExternal.contains(core::to_lower_ascii(extension))) {
      diagnostics.warn(file.path.string(),
                       "Hugo renders " + extension + " files with an external program; skipped");
      continue;
    }
    if (!is_content_extension(extension) || stem == "_index") {
      continue;  // images, data, list pages of sections
    }
    ContentFile content{file, folder, stem, ""};
    if (stem == "index") {
      if (folder.empty()) {
        continue;  // content/index.md would be the home page: the archive makes its own
      }
      content.folder = parent_of(folder);
      content.name = last_segment(folder);
    } else if (inside_bundle(folder)) {
      continue;  // a resource of a bundle, not a page
    }
    const std::string anchor = stem == "index" ? folder : file.relative;
    content.section =
        anchor.find('/') == std::string::npos ? "" : anchor.substr(0, anchor.find('/'));
    found.push_back(std::move(content));
  }
  return found;
}

// Hugo's default mainSections: the section with the most pages.
std::set<std::string> largest_section(const std::vector<ContentFile>& files) {
  std::map<std::string, int> counts;
  for (const auto& file : files) {
    if (!file.section.empty()) {
      ++counts[core::to_lower_ascii(file.section)];
    }
  }
  std::string best;
  int most = 0;
  for (const auto& [section, count] : counts) {
    if (count > most) {
      best = section;
      most = count;
    }
  }
  return best.empty() ? std::set<std::string>{} : std::set<std::string>{best};
}

std::string urlized_path(const std::string& folder) {
  std::string path;
  for (const auto segment : core::split(folder, '/')) {
    if (!segment.empty()) {
      path += "/" + hugo_urlize(segment);
    }
  }
  return path;
}

struct Entry {
  blog::Post post;
  std::string body;
  FrontMatter front;
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
        categories_(sink, blog::TermKind::Category),
        tags_(sink, blog::TermKind::Tag) {}

  void run() {
    sink_.site(site_info());
    const auto root = folder_ / config_.content_dir;
    if (!std::filesystem::is_directory(root)) {
      throw InputError(fmt::format("'{}' has no {}/ folder; a Hugo site keeps its articles there",
                                   folder_.string(), config_.content_dir));
    }
    const auto files = content_files(
        list_files(root, [](const std::string&, const std::string&) { return false; }),
        diagnostics_);
    main_sections_ = config_.main_sections.empty() ? largest_section(files) : config_.main_sections;
    for (const auto& file : files) {
      read_content(file);
    }
    for (auto& entry : entries_) {
      finish(entry);
      sink_.post(entry.post);
    }
  }

 private:
  blog::SiteInfo site_info() const {
    return {config_.values.text("title"),
            config_.values.text("params.description"),
            config_.site_url,
            "",
            "",
            config_.values.first_text({"languagecode", "defaultcontentlanguage"}),
            "hugo"};
  }

  // Hugo published neither drafts, nor pages whose publishDate had not come, nor those
  // past their expiryDate. A publishDate we cannot read keeps the page unpublished:
  // when in doubt, nothing is shown.
  std::string status_of(const FrontMatter& front, const blog::Post& post) {
    if (front.flag("draft") == true) {
      return "draft";
    }
    if (const std::string publish = front.text("publishdate"); !publish.empty()) {
      const auto date = parse_front_matter_date(publish);
      if (!date) {
        diagnostics_.warn(post.source,
                          fmt::format("publishDate \"{}\" is not a date; not published", publish));
        return "future";
      }
      if (is_in_future(date->local)) {
        return "future";
      }
    }
    for (const char* key : {"expirydate", "unpublishdate"}) {
      const auto expiry = parse_front_matter_date(front.text(key));
      if (expiry && !is_in_future(expiry->local)) {
        return "expired";
      }
    }
    return "publish";
  }

  static bool is_rendered(const FrontMatter& front) {
    if (front.flag("headless") == true) {
      return false;
    }
    for (const char* key : {"build.render", "_build.render"}) {
      const std::string render = core::to_lower_ascii(front.text(key));
      if (render == "never" || render == "false") {
        return false;
      }
    }
    return true;
  }

  void read_content(const ContentFile& content) {
    auto text = read_text_file(content.file, options_, diagnostics_);
    if (!text) {
      return;
    }
    const FrontMatter& front = text->front_matter;
    if (!is_rendered(front)) {
      return;  // headless bundles and build options: Hugo made no page of it
    }
    Entry entry;
    blog::Post& post = entry.post;
    post.source = content.file.path.string();
    post.id = unique_derived_id("hugo:" + content.file.relative, ids_);
    post.type = main_sections_.contains(core::to_lower_ascii(content.section))
                    ? blog::ItemKind::Article
                    : blog::ItemKind::Page;
    set_post_date(
        post,
        front.first_text({"date", "publishdate", "pubdate", "published", "lastmod", "modified"}),
        diagnostics_);  // Hugo's date keys, in its order
    post.status = blog::PostStatus::named(status_of(front, post));
    post.title = front.text("title");
    if (post.type == blog::ItemKind::Page && core::trim(text->body).empty()) {
      diagnostics_.warn(
          content.file.path.string(),
          fmt::format("a page without text{}; the archive builds its own overview and archives",
                      front.text("layout").empty()
                          ? ""
                          : ", made by the layout '" + front.text("layout") + "'"));
      return;
    }
    const std::string own_slug = front.text("slug");
    post.slug = own_slug.empty() ? content.name : own_slug;
    const std::string markup = core::to_lower_ascii(front.text("markup"));
    const std::string extension =
        core::to_lower_ascii(split_extension(last_segment(content.file.relative)).second);
    post.markup =
        markup == "html" || (markup.empty() && (extension == ".html" || extension == ".htm"))
            ? blog::Markup::Html
            : blog::Markup::Markdown;
    post.excerpt = front.text("summary");
    if (post.excerpt.empty()) {
      post.excerpt = front.text("description");
    }
    post.link = join_url(config_.site_url, permalink(content, front, post));
    for (const auto& alias : front.list("aliases")) {
      post.aliases.push_back(join_url(config_.site_url, alias_path(content, alias)));
    }
    entry.body = text->body;
    entry.front = front;
    const std::string path = core::split_url(post.link).path;
    for (const auto& key : {content.file.relative, "/" + content.file.relative, content.name,
                            split_extension(content.file.relative).first}) {
      links_.emplace(key, path);
    }
    entries_.push_back(std::move(entry));
  }

  std::string permalink(const ContentFile& content, const FrontMatter& front,
                        const blog::Post& post) const {
    if (std::string url = front.text("url"); !url.empty()) {
      return url.starts_with('/') ? url : "/" + url;
    }
    PermalinkFields fields;
    fields.date = post.date;
    fields.title = hugo_urlize(post.title);
    fields.slug = hugo_urlize(front.text("slug").empty() ? post.title : front.text("slug"));
    fields.filename = hugo_urlize(content.name);
    fields.section = hugo_urlize(content.section);
    fields.sections = urlized_path(content.folder).substr(content.folder.empty() ? 0 : 1);
    std::string path;
    if (const auto it = config_.permalinks.find(core::to_lower_ascii(content.section));
        it != config_.permalinks.end() && !content.section.empty()) {
      path = expand_permalink(it->second, fields);
    } else {
      path = urlized_path(content.folder) + "/" + hugo_urlize(post.slug) + "/";
    }
    if (config_.ugly_urls && path.ends_with('/') && path.size() > 1) {
      path.pop_back();
      path += ".html";
    }
    return path;
  }

  // An alias without a leading '/' is relative to the page's folder, as Hugo reads it.
  static std::string alias_path(const ContentFile& content, const std::string& alias) {
    std::string path = alias.starts_with('/') ? alias : urlized_path(content.folder) + "/" + alias;
    if (!path.ends_with('/') && split_extension(last_segment(path)).second.empty()) {
      path += '/';
    }
    return path;
  }

  void finish(Entry& entry) {
    MacroContext context;
    context.site_path = config_.base_path;
    context.site_url = config_.site_url;
    for (const Value* params : {config_.values.find("params"), entry.front.find("params")}) {
      if (params && params->kind == Value::Kind::Map) {
        for (const auto& [key, value] : params->fields) {
          context.variables["params." + key] = value.scalar;
        }
      }
    }
    context.url_of = [&](std::string_view name) -> std::optional<std::string> {
      std::string key(core::trim(name));
      const auto hash = key.find('#');
      const std::string anchor = hash == std::string::npos ? "" : key.substr(hash);
      key = key.substr(0, hash);
      if (const auto it = links_.find(key); it != links_.end()) {
        return it->second + anchor;
      }
      return std::nullopt;
    };
    blog::Post& post = entry.post;
    post.content = expand_shortcodes(entry.body, context, post.source, diagnostics_);
    std::string author = entry.front.text("author");
    if (author.empty()) {
      const auto authors = entry.front.list("authors");
      author = authors.empty() ? config_.values.text("params.author") : authors.front();
    }
    post.author_login = authors_.add(login_of(author), std::string(core::trim(author)));
    for (const auto& category : entry.front.list(config_.categories_key)) {
      categories_.add(post, category);
    }
    for (const auto& tag : entry.front.list(config_.tags_key)) {
      tags_.add(post, tag);
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
  std::set<std::string> main_sections_;
  std::set<std::int64_t> ids_;
  std::vector<Entry> entries_;
  std::map<std::string, std::string>
      links_;  ///< content paths and names → URL paths, for ref/relref
};

}  // namespace

bool HugoImporter::recognizes_folder(const std::filesystem::path& folder) const {
  std::error_code error;
  return std::filesystem::is_directory(folder / "content", error);
}

void HugoImporter::read(const std::filesystem::path& folder, const ReadOptions& options,
                        blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  Reader(folder, options, sink, diagnostics).run();
}

}  // namespace blogarchive::importers::sitefolders
