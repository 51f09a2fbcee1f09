#pragma once
// Small readers over libxml2's DOM, shared by the importers that read whole documents
// (feeds, Blogger). Names are namespace URIs plus local names, never prefixes.
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace blogarchive::importers::xml {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

constexpr const char* kAtom = "http://www.w3.org/2005/Atom";

std::string_view ns_of(const xmlNode* node);
/// An element with this namespace URI ("" for none) and local name.
bool is(const xmlNode* node, std::string_view ns, std::string_view local);
/// All text below the node.
std::string text_of(const xmlNode* node);
std::string text_of_or_empty(const xmlNode* node);
/// The attribute's value, or "".
std::string attribute(const xmlNode* node, const char* name);
/// The first child element with this name, or null.
const xmlNode* child(const xmlNode* parent, std::string_view ns, std::string_view local);
/// Its text, trimmed, or "".
std::string child_text(const xmlNode* parent, std::string_view ns, std::string_view local);
/// HTML without its tags (for titles given as HTML).
std::string strip_tags(const std::string& html);

/// An Atom text construct: type="html" holds escaped HTML, "xhtml" a <div> of markup,
/// "text" (the default) plain text. Returns the text and whether it is HTML.
std::pair<std::string, bool> atom_text(const xmlNode* node);

/// The href of an Atom element's first link with this rel; a link without rel counts as
/// "alternate", as Atom defines.
std::string atom_link(const xmlNode* element, std::string_view ns, std::string_view rel);

}  // namespace blogarchive::importers::xml
