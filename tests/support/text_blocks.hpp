#pragma once
// What a reader reads of a body, block by block, for comparing blogarchive's pages with
// WordPress's own rendering (the oracle and REST-import tests): paragraphs, headings,
// list items, quotes, cells and captions as text, whitespace collapsed, with what
// differs on purpose (players, placeholders, galleries, plugin code blocks) left out
// and WordPress's typography (wptexturize) read as the ASCII it came from.
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::testing {

/// "p: text", "h2: text", … in document order.
std::vector<std::string> blocks_of(std::string_view html);

/// The content of an article or page of the built archive: its <div class="content">.
std::string archive_content(const std::string& page);

/// `text` with WordPress's curly quotes, dashes, ellipses and × as the ASCII typed.
std::string without_texturize(std::string text);

}  // namespace blogarchive::testing
