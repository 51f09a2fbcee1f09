#include "checks/page_links.hpp"

#include <gumbo.h>

#include <memory>

#include "core/text.hpp"

namespace blogarchive::checks {
namespace {

const char* attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
  return found ? found->value : nullptr;
}

void add_srcset(std::string_view srcset, std::vector<PageLink>& out) {
  for (const std::string_view candidate : core::split(srcset, ',')) {
    const std::string_view trimmed = core::trim(candidate);
    if (const std::string_view url = trimmed.substr(0, trimmed.find_first_of(" \t\n"));
        !url.empty()) {
      out.push_back({std::string(url), true});
    }
  }
}

void collect(const GumboNode& node, std::vector<PageLink>& out) {
  if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE) {
    return;
  }
  const GumboElement& element = node.v.element;
  switch (element.tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA:
      if (const char* href = attribute(element, "href"))
        out.push_back({href, false});
      break;
    case GUMBO_TAG_LINK:
      if (const char* href = attribute(element, "href")) {
        const char* rel = attribute(element, "rel");
        // Stylesheets and icons load with the page; canonical and alternate are addresses.
        const std::string r = rel ? core::to_lower_ascii(rel) : "";
        out.push_back({href, r.find("stylesheet") != std::string::npos ||
                                 r.find("icon") != std::string::npos ||
                                 r.find("preload") != std::string::npos ||
                                 r.find("modulepreload") != std::string::npos});
      }
      break;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_TRACK:
      if (const char* src = attribute(element, "src"))
        out.push_back({src, true});
      if (const char* srcset = attribute(element, "srcset"))
        add_srcset(srcset, out);
      break;
    case GUMBO_TAG_FORM:
      if (const char* action = attribute(element, "action"))
        out.push_back({action, false});
      break;
    default:
      break;
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    collect(*static_cast<const GumboNode*>(element.children.data[i]), out);
  }
}

}  // namespace

std::vector<PageLink> page_links(std::string_view html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
      [](GumboOutput* parsed) { gumbo_destroy_output(&kGumboDefaultOptions, parsed); });
  std::vector<PageLink> links;
  collect(*output->root, links);
  return links;
}

}  // namespace blogarchive::checks
