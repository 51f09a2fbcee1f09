#include "content/body.hpp"

#include "content/autop.hpp"
#include "core/text.hpp"

namespace blogarchive::content {
namespace {

// <!--nextpage--> split posts into pages on the old blog; the archive shows them whole.
std::string remove_page_breaks(std::string_view raw) {
  std::string out(raw);
  constexpr std::string_view kNextPage = "<!--nextpage-->";
  for (auto at = out.find(kNextPage); at != std::string::npos; at = out.find(kNextPage, at)) {
    out.replace(at, kNextPage.size(), "\n\n");
  }
  return out;
}

}  // namespace

bool has_blocks(std::string_view raw) { return raw.find("<!-- wp:") != std::string_view::npos; }

std::optional<std::string_view> before_more(std::string_view raw) {
  const auto at = raw.find("<!--more");
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  return raw.substr(0, at);
}

Body render_body(std::string_view raw, const BodyOptions& options) {
  Body body;
  std::string text = remove_page_breaks(raw);
  if (options.run_shortcodes) {
    text = expand_shortcodes(text, options.shortcodes, body.unhandled_shortcodes);
  }
  if (options.wordpress_rules) {
    if (!has_blocks(text)) {
      text = autop(text);
    }
  }
  std::vector<HtmlNode> nodes = parse_fragment(text);
  SanitizePolicy policy = options.policy ? *options.policy : content_policy();
  policy.embed_label = options.embed_label;
  sanitize(nodes, policy);
  if (options.resolver != nullptr) {
    rewrite_links(nodes, *options.resolver, body.unlinked_urls);
  }
  body.html = std::string(core::trim(serialize(nodes)));
  body.text = extract_text(nodes);
  return body;
}

}  // namespace blogarchive::content
