#pragma once
// Image captions written as layout: Blogger's editor put every captioned image into
// <table class="tr-caption-container"> with the caption in <td class="tr-caption">, and
// blogs that moved to WordPress kept them; WordPress itself, for themes without HTML5
// captions, writes [caption] as <div class="wp-caption"> with <p class="wp-caption-text">
// (what its REST API and feeds hand out). Both become what they mean: <figure>, as the
// archive's own [caption] does.
#include <vector>

#include "content/html_tree.hpp"

namespace blogarchive::content {

/// Replaces every caption table and caption div in `nodes` (at any depth) by a <figure>
/// holding its image (with the link around it) and a <figcaption> with the caption; a
/// table's style and a div's alignment class go to the figure, so the float survives.
/// Those that hold no image are left alone.
void captions_to_figures(std::vector<HtmlNode>& nodes);

}  // namespace blogarchive::content
