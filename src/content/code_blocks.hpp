#pragma once
// Code written for the syntax-highlighting plugins of 2006–2016 (SyntaxHighlighter and
// Jetpack's [sourcecode], CodeColorer's [cc…], WP-Syntax's <pre lang>, Crayon) becomes
// <pre><code class="language-X"> holding exactly the code's text. This runs before
// shortcodes, autop and the HTML parse: the code is taken out and replaced by a
// placeholder those steps leave alone, and put back, escaped, just before parsing, so
// nothing inside a code block is ever expanded, wrapped in paragraphs or read as markup.
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::content {

/// The code blocks taken out of a body, in order, as finished HTML.
struct CodeBlocks {
  std::vector<std::string> html;
  /// One sentence per problem (an unclosed shortcode, an unknown language name).
  std::vector<std::string> problems;
};

/// Replaces every code block of a known plugin syntax with a placeholder
/// (`<pre>MARK n;</pre>`, or `<code>MARK n;</code>` for inline code) and returns
/// the text; the blocks' HTML goes to `blocks`.
std::string take_out_code_blocks(std::string_view text, CodeBlocks& blocks);

/// Puts the blocks back where their placeholders are.
std::string put_back_code_blocks(std::string text, const CodeBlocks& blocks);

/// True for the name of a code plugin's shortcode ("sourcecode", "php", "ccnLe_php").
bool is_code_shortcode(std::string_view name);

/// The canonical name of a language as the plugins spelled it ("js" → "javascript",
/// "java5" → "java", "sh" → "bash"); empty when unknown or plain text.
std::string canonical_language(std::string_view name);

}  // namespace blogarchive::content
