#pragma once
// Turns the XML subtrees of a WXR channel into blog records.
#include <libxml/tree.h>

#include <optional>
#include <string>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"

namespace blogarchive::importers::wordpress {

/// Where an element came from, for messages: "blog.xml:120".
std::string location_of(const std::string& file_name, const xmlNode* node);

blog::Author read_author(const xmlNode* node);
/// wp:category, wp:tag and wp:term all become a Term.
blog::Term read_term(const xmlNode* node);

/// One <item>. nullopt (with a warning) when it cannot be stored at all.
std::optional<blog::Post> read_item(const xmlNode* item, const std::string& file_name,
                                    core::Diagnostics& diagnostics);

/// Whether an <item> is an attachment WordPress made as the blog's site icon (its
/// postmeta _wp_attachment_context is "site-icon": the crop the Customizer saves).
bool is_site_icon(const xmlNode* item);

}  // namespace blogarchive::importers::wordpress
