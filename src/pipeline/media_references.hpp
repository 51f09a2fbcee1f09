#pragma once
// Which of the blog's media files its published content uses: what `import --uploads`
// copies into the store and `--fetch-media` downloads.
#include <map>
#include <string>
#include <vector>

#include "blog/post.hpp"

namespace blogarchive::pipeline {

/// The URL folder of the blog's uploads: "/wp-content/uploads/" unless the export's
/// attachments were elsewhere (multisite "/files/", a moved uploads folder).
std::string media_prefix_of(const blog::Snapshot& snapshot);

/// Decoded media paths under `prefix` that published items use, each with the items
/// that use them. Found in bodies and excerpts as written (HTML, shortcode attributes or
/// Markdown alike), on the old blog's hosts or root-relative; plus the attachments a
/// [gallery] of a published item shows, and the site icon (used by no item).
std::map<std::string, std::vector<const blog::Post*>> media_references(
    const blog::Snapshot& snapshot, const std::string& prefix);

}  // namespace blogarchive::pipeline
