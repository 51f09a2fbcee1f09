#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/contact_details.hpp"
#include "content/link_rewriter.hpp"
#include "content/remote_resources.hpp"
#include "content/sanitizer.hpp"
#include "content/shortcodes.hpp"
#include "content/wayback.hpp"

namespace blogarchive::content {

/// How a body is written (blog::Post::markup).
enum class Markup {
  WordPress,   ///< WordPress's stored HTML: page breaks, shortcodes, autop
  Html,        ///< finished HTML
  Markdown,    ///< CommonMark with GitHub's extensions
  Paragraphs,  ///< text with line breaks (Movable Type's "Convert Breaks"): autop only
};

/// How to turn one piece of imported HTML into archive HTML.
struct BodyOptions {
  Markup markup = Markup::WordPress;
  bool run_shortcodes = true;  ///< expand shortcodes in WordPress markup (off for comments)
  const SanitizePolicy* policy = nullptr;  ///< defaults to content_policy()
  const LinkResolver* resolver = nullptr;  ///< no rewriting when null
  /// The address the text was written at on the old blog: relative links are read
  /// against it. Empty: relative links are asked about as written.
  std::string base_url;
  ShortcodeContext shortcodes;
  std::string embed_label;  ///< e.g. "Eingebetteter Inhalt: "
  /// Remote images become links and missing local ones their description, so that a
  /// page makes no third-party request and none that fails (remote_resources.hpp).
  ImageRules images;
  /// Links to the Wayback Machine's copy of external links (off by default).
  WaybackLinks wayback;
  /// E-mail addresses and phone numbers in the text (comments) masked.
  ContactMasking contacts;
};

/// Safe HTML plus what was found on the way.
struct Body {
  std::string html;
  std::string text;     ///< visible text, whitespace collapsed (what search indexes)
  std::string summary;  ///< the author's prose for descriptions and excerpts (summary.hpp)
  std::vector<std::string> unhandled_shortcodes;
  std::vector<std::string> code_problems;  ///< code blocks shown as text, and why
  std::vector<std::string> unlinked_urls;
};

/// The whole content pipeline for one piece of HTML: WordPress rules → HTML5 parse →
/// sanitize → rewrite links → contain images → serialize.
Body render_body(std::string_view raw, const BodyOptions& options);

/// The part before WordPress's <!--more--> marker, if there is one.
std::optional<std::string_view> before_more(std::string_view raw);

/// True for block-editor (Gutenberg) content, which WordPress does not run autop on.
bool has_blocks(std::string_view raw);

}  // namespace blogarchive::content
