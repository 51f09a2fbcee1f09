#include "pipeline/content_rendering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "content/body.hpp"
#include "core/text.hpp"
#include "site/old_url_resolver.hpp"

namespace blogarchive::pipeline {
namespace {

constexpr std::size_t kExcerptWords = 55;

// Lets content ask the site about old URLs without knowing what a site is.
class SiteLinkResolver : public content::LinkResolver {
 public:
  explicit SiteLinkResolver(const site::SiteModel& model) : resolver_(model) {}
  content::LinkDecision resolve(std::string_view url) const override {
    const site::OldUrlTarget target = resolver_.resolve(url);
    switch (target.kind) {
      case site::OldUrlTarget::Kind::Archive: return {content::LinkDecision::Action::Rewrite, target.href};
      case site::OldUrlTarget::Kind::Unpublished: return {content::LinkDecision::Action::Unlink, {}};
      case site::OldUrlTarget::Kind::Foreign: break;
    }
    return {};
  }

 private:
  site::OldUrlResolver resolver_;
};

content::ShortcodeContext media_of(const blog::Post& post,
                                   const std::map<std::int64_t, const blog::Post*>& attachments) {
  content::ShortcodeContext context;
  std::vector<const blog::Post*> attached;
  for (const auto& [id, attachment] : attachments) {
    if (attachment->parent_id == post.id) {
      attached.push_back(attachment);
    }
  }
  std::sort(attached.begin(), attached.end(), [](const blog::Post* a, const blog::Post* b) {
    return std::tie(a->menu_order, a->id) < std::tie(b->menu_order, b->id);
  });
  for (const auto* attachment : attached) {
    context.attached_media.push_back({attachment->id, attachment->attachment_url, attachment->title});
  }
  context.find_media = [&attachments](std::int64_t id) -> std::optional<content::MediaItem> {
    const auto found = attachments.find(id);
    if (found == attachments.end()) {
      return std::nullopt;
    }
    return content::MediaItem{id, found->second->attachment_url, found->second->title};
  };
  return context;
}

void report(const blog::Post& post, const content::Body& body, core::Diagnostics& diagnostics) {
  for (const auto& name : body.unhandled_shortcodes) {
    diagnostics.warn(post.source, fmt::format("{}: the shortcode [{}] cannot run in an archive; it is "
                                              "shown as text", blog::describe(post), name));
  }
  for (const auto& url : body.unlinked_urls) {
    diagnostics.warn(post.source, fmt::format("{}: the link to {} points at an item that is not "
                                              "public; only its text is kept", blog::describe(post), url));
  }
}

// Approved comments (not pings) as a tree; a reply whose parent is not shown moves up.
std::vector<render::RenderedComment> thread(std::vector<std::pair<std::int64_t, render::RenderedComment>> flat) {
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
  // Iterative assembly, deepest first, so that long reply chains cannot overflow.
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
  for (const std::size_t root : roots) {
    tree.push_back(build(root, 0));
  }
  return tree;
}

render::RenderedItem render_item(const blog::Post& post, const content::BodyOptions& base_options,
                                 const content::ShortcodeContext& media, core::Diagnostics& diagnostics) {
  render::RenderedItem item;
  content::BodyOptions options = base_options;
  options.markup = content::parse_markup(post.markup);
  options.shortcodes = media;
  const content::Body body = content::render_body(post.content, options);
  report(post, body, diagnostics);
  item.body_html = body.html;
  item.summary_text = body.text;
  if (const auto teaser = content::before_more(post.content)) {
    item.excerpt_html = content::render_body(*teaser, options).html;
  } else if (!core::trim(post.excerpt).empty()) {
    item.excerpt_html = content::render_body(post.excerpt, options).html;
  } else {
    item.excerpt_html = "<p>" + core::escape_html(core::first_words(body.text, kExcerptWords)) + "</p>";
  }
  content::BodyOptions comment_options = base_options;
  comment_options.policy = &content::comment_policy();
  comment_options.run_shortcodes = false;
  std::vector<std::pair<std::int64_t, render::RenderedComment>> comments;
  for (const auto& comment : post.comments) {
    if (!comment.is_approved()) {
      continue;
    }
    render::RenderedComment rendered{comment.id, comment.author_name, comment.author_url, comment.date, {}, {}};
    if (!content::is_safe_url(rendered.url)) {
      rendered.url.clear();
    }
    if (comment.is_ping()) {
      item.pings.push_back(std::move(rendered));
      continue;
    }
    rendered.html = content::render_body(comment.content, comment_options).html;
    comments.emplace_back(comment.parent_id, std::move(rendered));
    ++item.comment_count;
  }
  item.comments = thread(std::move(comments));
  return item;
}

}  // namespace

std::map<std::int64_t, render::RenderedItem> render_content(const site::SiteModel& model,
                                                            const std::string& embed_label,
                                                            core::Diagnostics& diagnostics) {
  const SiteLinkResolver resolver(model);
  std::map<std::int64_t, const blog::Post*> attachments;
  for (const auto& post : model.snapshot->posts) {
    if (post.type == "attachment" && !post.attachment_url.empty()) {
      attachments[post.id] = &post;
    }
  }
  content::BodyOptions options;
  options.resolver = &resolver;
  options.embed_label = embed_label;
  std::map<std::int64_t, render::RenderedItem> items;
  const auto add = [&](const blog::Post& post) {
    items.emplace(post.id, render_item(post, options, media_of(post, attachments), diagnostics));
  };
  for (const auto& article : model.articles) {
    add(*article.post);
  }
  for (const auto& page : model.pages) {
    add(*page.post);
  }
  return items;
}

}  // namespace blogarchive::pipeline
