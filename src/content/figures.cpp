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

const HtmlNode* find_caption(const HtmlNode& node) {
  for (const auto& child : node.children) {
    if (child.kind == HtmlNode::Kind::Element && child.has_class("tr-caption")) {
      return &child;
    }
    if (const HtmlNode* found = find_caption(child)) {
      return found;
    }
  }
  return nullptr;
}

std::optional<HtmlNode> figure_of(const HtmlNode& table) {
  const HtmlNode* picture = find_picture(table);
  if (picture == nullptr) {
    return std::nullopt;
  }
  HtmlNode figure;
  figure.kind = HtmlNode::Kind::Element;
  figure.name = "figure";
  if (const std::string* style = table.attribute("style")) {
    figure.set_attribute("style", *style);
  }
  figure.children.push_back(*picture);
  if (const HtmlNode* caption = find_caption(table)) {
    HtmlNode figcaption;
    figcaption.kind = HtmlNode::Kind::Element;
    figcaption.name = "figcaption";
    figcaption.children = caption->children;
    figure.children.push_back(std::move(figcaption));
  }
  return figure;
}

}  // namespace

void caption_tables_to_figures(std::vector<HtmlNode>& nodes) {
  for (auto& node : nodes) {
    if (node.is_element("table") && node.has_class("tr-caption-container")) {
      if (auto figure = figure_of(node)) {
        node = std::move(*figure);
        continue;
      }
    }
    caption_tables_to_figures(node.children);
  }
}

}  // namespace blogarchive::content
