#include "content/body.hpp"

#include "content/autop.hpp"
#include "content/code_blocks.hpp"
#include "content/figures.hpp"
#include "content/markdown.hpp"
#include "content/remote_resources.hpp"
#include "content/summary.hpp"
#include "content/wordpress_text.hpp"
#include "core/text.hpp"

namespace blogarchive::content {
namespace {

constexpr int kMaxReparses = 3;

// <!--nextpage--> split posts into pages on the old blog; the archive shows them whole.
std::string remove_page_breaks(std::string_view raw) {
  std::string out(raw);
  constexpr std::string_view kNextPage = "<!--nextpage-->";
  for (auto at = out.find(kNextPage); at != std::string::npos; at = out.find(kNextPage, at)) {
    out.replace(at, kNextPage.size(), "\n\n");
  }
  return out;
}

// WordPress's own rules: code plugins first (they ran before everything else on the old
// blog, and their code must not be touched by what follows), shortcodes, then autop
// unless the block editor wrote it.
std::string apply_wordpress_rules(std::string_view raw, const BodyOptions& options, Body& body) {
  CodeBlocks code;
  std::string text = take_out_code_blocks(remove_page_breaks(raw), code);
  body.code_problems = std::move(code.problems);
  if (options.run_shortcodes) {
    text = expand_shortcodes(text, options.shortcodes, body.unhandled_shortcodes);
  }
  if (!has_blocks(text)) {
    text = autop(text);
  }
  return put_back_code_blocks(std::move(text), code);
}

std::string to_html(std::string_view raw, const BodyOptions& options, Body& body) {
  switch (options.markup) {
    case Markup::WordPress:
      return apply_wordpress_rules(raw, options, body);
    case Markup::Markdown:
      return markdown_to_html(raw);
    case Markup::Paragraphs:
      return autop(raw);
    case Markup::Html:
      break;
  }
  return std::string(raw);
}

// Removed block comments and scripts leave runs of blank lines between blocks; one
// line break says the same. Only at the top level, so <pre> text is never touched.
void tidy_block_whitespace(std::vector<HtmlNode>& nodes) {
  const auto is_blank = [](const HtmlNode& node) {
    return node.kind == HtmlNode::Kind::Text && core::trim(node.text).empty();
  };
  std::vector<HtmlNode> tidy;
  tidy.reserve(nodes.size());
  for (auto& node : nodes) {
    if (is_blank(node) && !tidy.empty() && is_blank(tidy.back())) {
      tidy.back().text += node.text;
    } else {
      tidy.push_back(std::move(node));
    }
  }
  for (auto& node : tidy) {
    if (is_blank(node) && node.text.find('\n') != std::string::npos) {
      node.text = "\n";
    }
  }
  nodes = std::move(tidy);
}

}  // namespace

bool has_blocks(std::string_view raw) {
  return raw.find("<!-- wp:") != std::string_view::npos;
}

std::optional<std::string_view> before_more(std::string_view raw) {
  const auto at = raw.find("<!--more");
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  return raw.substr(0, at);
}

Body render_body(std::string_view raw, const BodyOptions& options) {
  Body body;
  // Gumbo passes invalid UTF-8 through in attribute values but repairs it when the
  // output is parsed again; repairing first keeps sanitizing idempotent (found by
  // fuzz_sanitizer, fuzz/regressions/sanitizer).
  const std::string html = to_html(raw, options, body);
  std::vector<HtmlNode> nodes =
      parse_fragment(core::is_valid_utf8(html) ? html : core::repair_utf8(html));
  captions_to_figures(nodes);
  // Shared and read-only: the policy is not copied per body.
  const SanitizePolicy& policy = options.policy ? *options.policy : content_policy();
  // Until the tree is one the HTML parser builds from its own serialization: that is
  // what browsers will see, and sanitizing it again must change nothing.
  for (int round = 0; sanitize(nodes, policy, options.embed_label) && round < kMaxReparses;
       ++round) {
    nodes = parse_fragment(serialize(nodes));
  }
  tidy_block_whitespace(nodes);
  if (options.markup == Markup::WordPress) {
    apply_wordpress_text_filters(nodes);
  }
  mask_contact_details(nodes, options.contacts);
  if (options.resolver != nullptr) {
    rewrite_links(nodes, *options.resolver, body.unlinked_urls, options.base_url);
  }
  // After rewriting: links to the old blog's own images may have become local.
  contain_images(nodes, options.images);
  body.text =
      extract_text(nodes);  // before the archived-copy links: they are not the author's words
  body.summary = summary_text(nodes);
  add_wayback_links(nodes, options.wayback);
  body.html = std::string(core::trim(serialize(nodes)));
  return body;
}

}  // namespace blogarchive::content
