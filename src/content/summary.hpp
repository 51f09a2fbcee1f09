#pragma once
// The words of a body that describe it: what meta descriptions, Open Graph, feeds and
// automatic excerpts show. Unlike the search text, it leaves out what the archive put
// in (embed placeholders, "(image on host)" links, notes on missing images), code
// blocks and bare URLs, and ends each paragraph, heading and list item with punctuation
// so that a list does not read as one run-on sentence.
#include <string>
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

std::string summary_text(const std::vector<HtmlNode>& nodes);

/// The text of a fragment of HTML (a title written with <em>, an entity-laden name),
/// whitespace collapsed: what a reader saw of it.
std::string text_of_html(std::string_view html);

}  // namespace blogarchive::content
