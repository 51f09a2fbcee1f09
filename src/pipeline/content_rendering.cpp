#include "pipeline/content_rendering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "content/shortcodes.hpp"
#include "core/content_hash.hpp"
#include "core/field_count.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "redirects/redirect_table.hpp"
#include "site/paths.hpp"

namespace blogarchive::pipeline {
namespace {

constexpr std::size_t kExcerptWords = 55;

// Change whenever the content pipeline's output changes for the same input (autop,
// sanitizer, shortcodes, serializer): render caches made by older builds are then
// ignored instead of reused.
// 2: embed placeholders, images contained; 3: caption tables → figures; 4: srcset
// candidates resolved, media brought home; 5: positional shortcode values kept whole;
// 6: code plugins' blocks, media plugins' placeholders; 7: summaries without archive
// labels, search text apart; 8: smilies, capital P, [[…]] and caption widths as
// WordPress; 9: WordPress's caption divs → figures; 10: forms left out; 11: lazy images,
// gallery columns and captions; 12: image width/height and srcset; 13: the post
// author's replies marked; 14: gallery images' sizes by column; 15: replaced images set
// apart from the words beside them, described by their title when they have no alt.
constexpr std::int64_t kContentVersion = 15;

// What decisions_hash adds for one answer of the site.
void add_decision(core::ContentHash& hash, const content::LinkDecision& decision) {
  hash.add(static_cast<std::int64_t>(decision.action))
      .add(decision.url)
      .add(static_cast<std::int64_t>(decision.origin));
}

// Remembers every URL content asks about, and hashes the answers as they are given,
// so the cache can check them again later without resolving them twice now.
class RecordingResolver : public content::LinkResolver {
 public:
  explicit RecordingResolver(const content::LinkResolver& inner) : inner_(inner) {}
  content::LinkDecision resolve(std::string_view url) const override {
    content::LinkDecision decision = inner_.resolve(url);
    asked_.emplace_back(url);
    add_decision(answers_, decision);
    return decision;
  }
  std::vector<std::string> take_links() { return std::move(asked_); }
  std::uint64_t answers_hash() const { return answers_.digest(); }

 private:
  const content::LinkResolver& inner_;
  mutable std::vector<std::string> asked_;
  mutable core::ContentHash answers_;
};

std::vector<std::string> warnings_of(const blog::Post& post, const content::Body& body,
                                     const content::LinkResolver& resolver) {
  std::vector<std::string> warnings;
  for (const auto& name : body.unhandled_shortcodes) {
    warnings.push_back(
        content::is_form_shortcode(name)
            ? fmt::format("{}: the form [{}] cannot send anything from an archive; it is left out",
                          blog::describe(post), name)
            : fmt::format("{}: the shortcode [{}] cannot run in an archive; it is shown as text",
                          blog::describe(post), name));
  }
  for (const auto& problem : body.code_problems) {
    warnings.push_back(fmt::format("{}: {}", blog::describe(post), problem));
  }
  for (const auto& url : body.unlinked_urls) {
    const bool unknown_old_site =
        resolver.resolve(url).origin == content::LinkDecision::Origin::OldSite;
    warnings.push_back(
        unknown_old_site
            ? fmt::format(
                  "{}: nothing in the archive answers the link to {}, and the export names no "
                  "address of the old site to send it to; only its text is kept",
                  blog::describe(post), url)
            : fmt::format("{}: the link to {} points at an item that is not public; only its text "
                          "is kept",
                          blog::describe(post), url));
  }
  return warnings;
}

// Approved comments (not pings) as a tree; a reply whose parent is not shown moves up.
std::vector<render::RenderedComment> thread(
    std::vector<std::pair<std::int64_t, render::RenderedComment>> flat) {
  std::map<std::int64_t, std::vector<std::size_t>> children;
  std::set<std::int64_t> shown;
  for (const auto& [parent, comment] : flat) {
    shown.insert(comment.id);
  }
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < flat.size(); ++i) {
    const std::int64_t parent = flat[i].first;
    if (parent != 0 && parent != flat[i].second.id && shown.count(parent) > 0) {
      children[parent].push_back(i);
    } else {
      roots.push_back(i);
    }
  }
  // Depth is capped so that a hostile reply chain cannot overflow the stack.
  std::function<render::RenderedComment(std::size_t, int)> build = [&](std::size_t i, int depth) {
    render::RenderedComment comment = std::move(flat[i].second);
    if (depth < 50) {
      for (const std::size_t child : children[comment.id]) {
        comment.replies.push_back(build(child, depth + 1));
      }
    }
    return comment;
  };
  std::vector<render::RenderedComment> tree;
  tree.reserve(roots.size());
  for (const std::size_t root : roots) {
    tree.push_back(build(root, 0));
  }
  return tree;
}

// `post_author_id`: the blog's user id of the post's author (0: unknown); that user's
// comments are the author's replies.
void render_comments(const blog::Post& post, const content::BodyOptions& base_options,
                     const content::ContactMasking& contacts, std::int64_t post_author_id,
                     render::RenderedItem& item) {
  content::BodyOptions options = base_options;
  options.contacts = contacts;
  options.policy = &content::comment_policy();
  options.run_shortcodes = false;
  std::vector<std::pair<std::int64_t, render::RenderedComment>> comments;
  for (const auto& comment : post.comments) {
    if (!comment.is_approved()) {
      continue;
    }
    render::RenderedComment rendered{
        comment.id, comment.author_name, comment.author_url, comment.date, {}, {}};
    rendered.by_post_author = post_author_id != 0 && comment.user_id == post_author_id;
    const std::string_view url = core::trim(rendered.url);
    const bool contact_link =
        core::starts_with_ci(url, "mailto:") || core::starts_with_ci(url, "tel:");
    if (!content::is_safe_url(rendered.url) || (contacts.enabled && contact_link)) {
      rendered.url.clear();  // a commenter's "website" that was their e-mail address
    }
    if (comment.is_ping()) {
      item.pings.push_back(std::move(rendered));
      continue;
    }
    rendered.html = content::render_body(comment.content, options).html;
    comments.emplace_back(comment.parent_id, std::move(rendered));
    ++item.comment_count;
  }
  item.comments = thread(std::move(comments));
}

}  // namespace

std::optional<std::string> SiteLinkResolver::media_path(std::string_view url) const {
  if (media_.empty()) {
    return std::nullopt;
  }
  if (auto path = site::media_host_path(url, media_hosts_, media_.prefix())) {
    return path;
  }
  const core::UrlParts parts = core::split_url(url);
  if (!parts.query.empty() || !resolver_.is_old_blog_url(parts)) {
    return std::nullopt;
  }
  auto path = site::normalize_path(core::percent_decode(parts.path));
  if (path && !media_.in_media_folder(*path)) {
    // A blog that lived below a folder (/mike/blog/wp-content/uploads/…) kept its
    // uploads there; the store has them under the uploads folder itself.
    if (const auto at = path->find(site::kDefaultMediaPrefix); at != std::string::npos && at > 0) {
      path = path->substr(at);
    }
  }
  if (!path || !media_.in_media_folder(*path)) {
    return std::nullopt;
  }
  return path;
}

bool SiteLinkResolver::is_missing_media(std::string_view url) const {
  const auto path = media_path(url);
  return path && !media_.find(*path);
}

std::optional<std::string> SiteLinkResolver::media_file(std::string_view url) const {
  const auto path = media_path(url);
  return path ? media_.find(*path) : std::nullopt;
}

std::set<std::string> SiteLinkResolver::used_media() const {
  const std::lock_guard lock(mutex_);
  return used_;
}

content::LinkDecision SiteLinkResolver::resolve(std::string_view url) const {
  using Decision = content::LinkDecision;
  if (const auto path = media_path(url)) {
    if (const auto file = media_.find(*path)) {
      const std::lock_guard lock(mutex_);
      used_.insert(*file);
      const auto hash = url.find('#');
      const std::string written_path = core::split_url(url).path;
      const bool as_written = written_path == *path || core::percent_decode(written_path) == *path;
      return {
          Decision::Action::Rewrite,
          site::href(*file) + std::string(hash == std::string_view::npos ? "" : url.substr(hash)),
          as_written ? Decision::Origin::AsWritten : Decision::Origin::Recovered};
    }
  }
  const site::OldUrlTarget target = resolver_.resolve(url);
  switch (target.kind) {
    case site::OldUrlTarget::Kind::Archive:
      return {Decision::Action::Rewrite, target.href,
              target.recovered ? Decision::Origin::Recovered : Decision::Origin::AsWritten};
    case site::OldUrlTarget::Kind::Unpublished:
      return {Decision::Action::Unlink, {}};
    case site::OldUrlTarget::Kind::Foreign:
      break;
  }
  return to_old_site(url);
}

bool SiteLinkResolver::answers(const std::string& path) const {
  return own_files_.count(path) > 0 || redirects_.redirects_path(path);
}

content::LinkDecision SiteLinkResolver::to_old_site(std::string_view url) const {
  using Decision = content::LinkDecision;
  const core::UrlParts parts = core::split_url(url);
  if (!resolver_.is_old_blog_url(parts)) {
    return {};  // another site's: not ours to change
  }
  const auto path = site::normalize_path(core::percent_decode(parts.path));
  const bool answered = path && parts.query.empty() &&
                        (answers(*path) || media_.find(*path) ||
                         (path->size() > 1 && answers(path->substr(0, path->size() - 1))));
  if (answered) {
    return {};  // the archive's own file or redirect answers it where it is written
  }
  if (parts.has_authority) {
    return {Decision::Action::Rewrite, std::string(url), Decision::Origin::OldSite};
  }
  if (resolver_.old_origin().empty()) {
    // No address of the old site is known (an export without one): the text stays, the
    // dead link goes.
    return {Decision::Action::Unlink, {}, Decision::Origin::OldSite};
  }
  return {Decision::Action::Rewrite, resolver_.old_origin() + std::string(url),
          Decision::Origin::OldSite};
}

namespace {

// Root-relative paths the archive writes besides its routes and media: its own files.
// A link to one stays local (as does one to an old URL form of the redirect table).
std::set<std::string> own_files(const ContentInputs::Settings& settings) {
  std::set<std::string> paths(settings.published_files.begin(), settings.published_files.end());
  for (const char* file : {site::kFeedPath, site::kSitemapPath, "/robots.txt", "/404.html",
                           "/search/", "/favicon.svg"}) {
    paths.insert(file);
  }
  return paths;
}

}  // namespace

ContentInputs::ContentInputs(const site::SiteModel& model,
                             const redirects::RedirectTable& redirects, Settings content_settings,
                             site::MediaFiles files)
    : resolver(model, files, own_files(content_settings), redirects),
      media(*model.snapshot),
      settings(std::move(content_settings)),
      media_files(std::move(files)) {
  settings.published_files.insert(media_files.paths().begin(), media_files.paths().end());
  for (const auto& author : model.snapshot->authors) {
    if (author.id != 0) {
      author_ids_.emplace(author.login, author.id);
    }
  }
  core::ContentHash hash;
  hash.add(kContentVersion);
  settings.hash_into(hash);
  for (const auto& [path, size] : media_files.image_sizes()) {
    hash.add(path)
        .add(static_cast<std::int64_t>(size.width))
        .add(static_cast<std::int64_t>(size.height));
  }
  settings_key = hash.digest();
}

void ContentInputs::Settings::hash_into(core::ContentHash& hash) const {
  static_assert(core::field_count<Settings> == 8,
                "a new field of ContentInputs::Settings must be hashed here");
  hash.add(embed_label).add(remote_image_label).add(missing_image_label);
  hash.add(static_cast<std::int64_t>(allow_remote_images));
  hash.add(static_cast<std::int64_t>(wayback)).add(wayback_label);
  hash.add(static_cast<std::int64_t>(published_files.size()));
  for (const auto& file : published_files) {
    hash.add(file);
  }
  contacts.hash_into(hash);
}

MediaIndex::MediaIndex(const blog::Snapshot& snapshot) {
  std::map<std::int64_t, std::vector<const blog::Post*>> attached;
  for (const auto& post : snapshot.posts) {
    if (post.type == blog::ItemKind::Attachment && !post.attachment_url.empty()) {
      by_id_[post.id] = {post.id, post.attachment_url, post.title, post.excerpt};
      attached[post.parent_id].push_back(&post);
    }
  }
  core::ContentHash hash;
  for (const auto& [id, media] : by_id_) {
    hash.add(id).add(media.url).add(media.title).add(media.caption);
  }
  hash_ = hash.digest();
  for (auto& [parent, list] : attached) {
    std::sort(list.begin(), list.end(), [](const blog::Post* a, const blog::Post* b) {
      return std::tie(a->menu_order, a->id) < std::tie(b->menu_order, b->id);
    });
    for (const auto* post : list) {
      by_parent_[parent].push_back({post->id, post->attachment_url, post->title, post->excerpt});
    }
  }
}

content::ShortcodeContext MediaIndex::context_for(const blog::Post& post) const {
  content::ShortcodeContext context;
  if (const auto found = by_parent_.find(post.id); found != by_parent_.end()) {
    context.attached_media = found->second;
  }
  context.find_media = [this](std::int64_t id) -> std::optional<content::MediaItem> {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? std::nullopt : std::optional(found->second);
  };
  return context;
}

namespace {

// What every piece of content is rendered with: the site's answers about old URLs, the
// catalog's words, and which images may show.
content::BodyOptions body_options(const ContentInputs& inputs,
                                  const content::LinkResolver& resolver) {
  content::BodyOptions options;
  options.resolver = &resolver;
  options.embed_label = inputs.settings.embed_label;
  options.images.allow_remote = inputs.settings.allow_remote_images;
  options.images.remote_label = inputs.settings.remote_image_label;
  options.images.missing_label = inputs.settings.missing_image_label;
  options.images.local_file_exists = [&inputs](std::string_view url) {
    const std::string path = core::percent_decode(url.substr(0, url.find_first_of("?#")));
    return inputs.settings.published_files.count(path) > 0;
  };
  // Each size offered in a srcset is asked of the resolver like any link: so the build
  // publishes it, and a cached body names it again when reused.
  options.images.local_image =
      [&inputs, &resolver](std::string_view url) -> std::optional<content::LocalImage> {
    const std::string path = core::percent_decode(url.substr(0, url.find_first_of("?#")));
    const auto size = inputs.media_files.image_size(path);
    if (!size) {
      return std::nullopt;
    }
    content::LocalImage image{*size, {}};
    for (const auto& [variant, variant_size] : inputs.media_files.image_variants(path)) {
      const content::LinkDecision decision = resolver.resolve(site::href(variant));
      if (decision.action == content::LinkDecision::Action::Rewrite) {
        image.variants.emplace_back(decision.url, variant_size);
      }
    }
    return image;
  };
  return options;
}

// The address a post's relative links were written against: its permalink, on the host
// its guid names (the blog's address when the post was written; the permalink's host is
// where the blog was exported from, often a later one).
std::string old_base_of(const blog::Post& post) {
  const core::UrlParts link = core::split_url(post.link);
  const core::UrlParts guid = core::split_url(post.guid);
  const bool guid_is_web = (guid.scheme == "http" || guid.scheme == "https") &&
                           !guid.host.empty() && !guid.host.ends_with(".files.wordpress.com");
  if (!guid_is_web || link.path.empty()) {
    return post.link;
  }
  return core::resolve_reference(post.guid, link.path.front() == '/' ? link.path : "/" + link.path);
}

// The content pipeline's name for the way a post is written (content knows no posts).
content::Markup content_markup(blog::Markup markup) {
  switch (markup) {
    case blog::Markup::WordPress:
      return content::Markup::WordPress;
    case blog::Markup::Html:
      return content::Markup::Html;
    case blog::Markup::Markdown:
      return content::Markup::Markdown;
    case blog::Markup::Paragraphs:
      return content::Markup::Paragraphs;
  }
  return content::Markup::WordPress;
}

}  // namespace

ContentResult render_content(const blog::Post& post, const ContentInputs& inputs) {
  RecordingResolver recorder(inputs.resolver);
  content::BodyOptions options = body_options(inputs, recorder);
  options.base_url = old_base_of(post);
  options.markup = content_markup(post.markup);
  options.shortcodes = inputs.media.context_for(post);
  if (const auto& date = post.date_gmt ? post.date_gmt : post.date) {
    options.wayback = {inputs.settings.wayback,
                       fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", date->year, date->month,
                                   date->day, date->hour, date->minute, date->second),
                       inputs.settings.wayback_label};
  }

  ContentResult result;
  render::RenderedItem& item = result.entry.item;
  const content::Body body = content::render_body(post.content, options);
  result.entry.warnings = warnings_of(post, body, inputs.resolver);
  item.body_html = body.html;
  item.summary_text = body.summary;
  item.search_text = body.text;
  if (const auto teaser = content::before_more(post.content)) {
    item.excerpt_html = content::render_body(*teaser, options).html;
  } else if (!core::trim(post.excerpt).empty()) {
    item.excerpt_html = content::render_body(post.excerpt, options).html;
  } else {
    item.excerpt_html =
        "<p>" + core::escape_html(core::first_words(body.summary, kExcerptWords)) + "</p>";
  }
  render_comments(post, options, inputs.settings.contacts, inputs.author_id(post.author_login),
                  item);
  result.links = recorder.take_links();
  for (const auto& link : result.links) {
    if (inputs.resolver.is_missing_media(link)) {
      result.entry.warnings.push_back(
          "media file missing from the uploads copy, kept as a link to the old site: " + link);
    }
  }
  result.links_hash = recorder.answers_hash();
  return result;
}

std::uint64_t content_key(const blog::Post& post, const ContentInputs& inputs) {
  core::ContentHash hash;
  hash.add(static_cast<std::int64_t>(inputs.settings_key))
      .add(static_cast<std::int64_t>(post.body_hash));
  hash.add(post.id).add(static_cast<std::int64_t>(inputs.media.hash()));
  hash.add(inputs.author_id(post.author_login));  // which comments are the author's replies
  return hash.digest();
}

std::uint64_t decisions_hash(const std::vector<std::string_view>& links,
                             const content::LinkResolver& resolver) {
  core::ContentHash hash;
  for (const auto url : links) {
    add_decision(hash, resolver.resolve(url));
  }
  return hash.digest();
}

std::string render_term_description(std::string_view raw, const ContentInputs& inputs) {
  if (core::trim(raw).empty()) {
    return {};
  }
  content::BodyOptions options = body_options(inputs, inputs.resolver);
  options.run_shortcodes = false;  // WordPress does not run them in term descriptions
  return content::render_body(raw, options).html;
}

}  // namespace blogarchive::pipeline
