#include "content/figures.hpp"

#include "core/text.hpp"

namespace blogarchive::content {
namespace {

// The first image in `node`, with the link around it when there is one.
const HtmlNode* find_picture(const HtmlNode& node) {
  for (const auto& child : node.children) {
    if (child.is_element("img")) {
      return &child;
    }
    if (child.is_element("a")) {
      for (const auto& inner : child.children) {
        if (inner.is_element("img")) {
          return &child;
        }
      }
    }
    if (const HtmlNode* found = find_picture(child)) {
      return found;
    }
  }
  return nullptr;
}

const HtmlNode* find_caption(const HtmlNode& node, std::string_view caption_class) {
  for (const auto& child : node.children) {
    if (child.kind == HtmlNode::Kind::Element && child.has_class(caption_class)) {
      return &child;
    }
    if (const HtmlNode* found = find_caption(child, caption_class)) {
      return found;
    }
  }
  return nullptr;
}

// WordPress's alignment classes of a caption div, for the figure.
std::string figure_class(const HtmlNode& div) {
  std::string classes = "wp-caption";
  for (const char* align : {"alignleft", "alignright", "aligncenter", "alignnone"}) {
    if (div.has_class(align)) {
      classes += std::string(" ") + align;
    }
  }
  return classes;
}

std::optional<HtmlNode> figure_of(const HtmlNode& container, bool is_table) {
  const HtmlNode* picture = find_picture(container);
  if (picture == nullptr) {
    return std::nullopt;
  }
  HtmlNode figure;
  figure.kind = HtmlNode::Kind::Element;
  figure.name = "figure";
  if (const std::string* style = container.attribute("style"); style != nullptr && is_table) {
    figure.set_attribute("style", *style);
  } else if (!is_table) {
    figure.set_attribute("class", figure_class(container));  // its style is only a pixel width
  }
  figure.children.push_back(*picture);
  if (const HtmlNode* caption =
          find_caption(container, is_table ? "tr-caption" : "wp-caption-text")) {
    HtmlNode figcaption;
    figcaption.kind = HtmlNode::Kind::Element;
    figcaption.name = "figcaption";
    figcaption.children = caption->children;
    figure.children.push_back(std::move(figcaption));
  }
  return figure;
}

}  // namespace

void captions_to_figures(std::vector<HtmlNode>& nodes) {
  for (auto& node : nodes) {
    const bool table = node.is_element("table") && node.has_class("tr-caption-container");
    const bool div = node.is_element("div") && node.has_class("wp-caption");
    if (table || div) {
      if (auto figure = figure_of(node, table)) {
        node = std::move(*figure);
        continue;
      }
    }
    captions_to_figures(node.children);
  }
}

}  // namespace blogarchive::content
