#include "importers/xml_dom.hpp"

#include <cstring>
#include <regex>

#include "core/text.hpp"

namespace blogarchive::importers::xml {

std::string_view ns_of(const xmlNode* node) {
  return node->ns && node->ns->href ? reinterpret_cast<const char*>(node->ns->href) : "";
}

bool is(const xmlNode* node, std::string_view ns, std::string_view local) {
  return node->type == XML_ELEMENT_NODE && ns_of(node) == ns &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == local;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::string text_of_or_empty(const xmlNode* node) {
  return node ? text_of(node) : std::string();
}

std::string strip_tags(const std::string& html) {
  static const std::regex tags("<[^>]*>");
  return std::regex_replace(html, tags, "");
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, BAD_CAST name);
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

const xmlNode* child(const xmlNode* parent, std::string_view ns, std::string_view local) {
  for (const xmlNode* node = parent->children; node; node = node->next) {
    if (is(node, ns, local)) {
      return node;
    }
  }
  return nullptr;
}

std::string child_text(const xmlNode* parent, std::string_view ns, std::string_view local) {
  const xmlNode* node = child(parent, ns, local);
  return node ? std::string(core::trim(text_of(node))) : std::string();
}

// Atom text constructs: type="html" holds escaped HTML, "xhtml" a <div> of markup,
// "text" (the default) plain text. Returns HTML, and false for plain text.
std::pair<std::string, bool> atom_text(const xmlNode* node) {
  const std::string type = core::to_lower_ascii(attribute(node, "type"));
  const std::string mode = attribute(node, "mode");  // Atom 0.3
  if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
    // The markup is the content of the wrapping <div> (Atom 1.0) or of the element.
    const xmlNode* holder = node;
    for (const xmlNode* part = node->children; part; part = part->next) {
      if (part->type == XML_ELEMENT_NODE &&
          std::strcmp(reinterpret_cast<const char*>(part->name), "div") == 0) {
        holder = part;
        break;
      }
    }
    std::string html;
    for (const xmlNode* part = holder->children; part; part = part->next) {
      std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                                  &xmlBufferFree);
      xmlNodeDump(buffer.get(), node->doc, const_cast<xmlNode*>(part), 0, 0);
      html.append(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())));
    }
    return {html, true};
  }
  if (type == "html" || type == "text/html" || mode == "escaped") {
    return {text_of(node), true};
  }
  return {text_of(node), false};
}

std::string atom_link(const xmlNode* element, std::string_view ns, std::string_view rel) {
  for (const xmlNode* node = element->children; node; node = node->next) {
    // Atom: a link without rel is the alternate one.
    const std::string link_rel = is(node, ns, "link") ? attribute(node, "rel") : std::string("-");
    if (link_rel == rel || (link_rel.empty() && rel == "alternate")) {
      return attribute(node, "href");
    }
  }
  return {};
}

}  // namespace blogarchive::importers::xml
