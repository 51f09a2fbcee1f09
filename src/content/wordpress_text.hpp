#pragma once
// Two of WordPress's display filters that change what readers saw of the words
// themselves, applied to the text of WordPress bodies and comments (never inside code):
// convert_smilies (":)" became 🙂 by default since WordPress 4.2) and capital_P_dangit
// ("Wordpress" became "WordPress"). wptexturize's curly quotes and dashes are not
// applied: the archive keeps what the author typed (docs/fidelity.md).
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

void apply_wordpress_text_filters(std::vector<HtmlNode>& nodes);

}  // namespace blogarchive::content
