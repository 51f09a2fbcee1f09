#pragma once
// Small read helpers over libxml2 element nodes, namespace-aware with a fallback for
// exports that use a prefix without declaring it (WordPress MU wrote excerpt:encoded
// that way).
#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace blogarchive::importers::wordpress {

/// The namespaces a WXR file uses; Other is anything else (including a hijacked prefix).
enum class Ns { None, Wp, Content, Excerpt, Dc, Other };

/// An element's namespace and local name.
struct QName {
  Ns ns = Ns::None;
  std::string_view local;
  bool is(Ns want, std::string_view name) const { return ns == want && local == name; }
};

QName qname(const xmlNode* node);

/// All text below the node (text and CDATA), as stored.
std::string text_of(const xmlNode* node);

/// The value of an attribute without namespace, or "".
std::string attribute(const xmlNode* node, const char* name);

/// Iterates over element children: for (auto* c = first_element(n); c; c = next_element(c)).
const xmlNode* first_element(const xmlNode* node);
const xmlNode* next_element(const xmlNode* node);

}  // namespace blogarchive::importers::wordpress
