#pragma once
// Image captions written as layout tables: Blogger's editor put every captioned image
// into <table class="tr-caption-container"> with the caption in <td class="tr-caption">,
// and blogs that moved to WordPress kept them. They become what they mean: <figure>.
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// Replaces every caption table in `nodes` (at any depth) by a <figure> holding its
/// image (with the link around it) and a <figcaption> with the caption; the table's
/// style goes to the figure, so its float survives as the theme's class. Tables that
/// hold no image are left alone.
void caption_tables_to_figures(std::vector<HtmlNode>& nodes);

}  // namespace blogarchive::content
