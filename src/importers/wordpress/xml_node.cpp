#include "importers/wordpress/xml_node.hpp"

namespace blogarchive::importers::wordpress {
namespace {

std::string_view as_view(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

Ns classify_uri(std::string_view uri) {
  // Some generators wrote the namespace with https.
  if (uri.rfind("http://wordpress.org/export/", 0) == 0 ||
      uri.rfind("https://wordpress.org/export/", 0) == 0) {
    return uri.find("/excerpt/") != std::string_view::npos ? Ns::Excerpt : Ns::Wp;
  }
  if (uri == "http://purl.org/rss/1.0/modules/content/") {
    return Ns::Content;
  }
  if (uri == "http://purl.org/dc/elements/1.1/") {
    return Ns::Dc;
  }
  return uri.empty() ? Ns::None : Ns::Other;
}

Ns classify_prefix(std::string_view prefix) {
  if (prefix == "wp") {
    return Ns::Wp;
  }
  if (prefix == "content") {
    return Ns::Content;
  }
  if (prefix == "excerpt") {
    return Ns::Excerpt;
  }
  if (prefix == "dc") {
    return Ns::Dc;
  }
  return Ns::Other;
}

}  // namespace

QName qname(const xmlNode* node) {
  const std::string_view name = as_view(node->name);
  if (node->ns != nullptr) {
    return {classify_uri(as_view(node->ns->href)), name};
  }
  // An undeclared prefix leaves libxml2 with the whole "prefix:local" as the name.
  if (const auto colon = name.find(':'); colon != std::string_view::npos) {
    return {classify_prefix(name.substr(0, colon)), name.substr(colon + 1)};
  }
  return {Ns::None, name};
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text(as_view(content));
  xmlFree(content);
  return text;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text(as_view(value));
  xmlFree(value);
  return text;
}

const xmlNode* first_element(const xmlNode* node) {
  const xmlNode* child = node->children;
  while (child != nullptr && child->type != XML_ELEMENT_NODE) {
    child = child->next;
  }
  return child;
}

const xmlNode* next_element(const xmlNode* node) {
  const xmlNode* sibling = node->next;
  while (sibling != nullptr && sibling->type != XML_ELEMENT_NODE) {
    sibling = sibling->next;
  }
  return sibling;
}

}  // namespace blogarchive::importers::wordpress
