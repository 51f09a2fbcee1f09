#include "text_blocks.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include "content/html_tree.hpp"
#include "core/text.hpp"

namespace blogarchive::testing {

// Typography WordPress's wptexturize adds (blogarchive keeps what the author typed):
// compared as the ASCII it came from.
std::string without_texturize(std::string text) {
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"\xE2\x80\x98", "'"},   {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""},
      {"\xE2\x80\x9D", "\""},  {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"},
      {"\xE2\x80\xA6", "..."}, {"\xC3\x97", "x"},     {"\xE2\x80\xB3", "\""},
      {"\xE2\x80\xB2", "'"},   {"\xC2\xA0", " "}};
  for (const auto& [from, to] : kPairs) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  // "--" and "---" became dashes: any run of hyphens compares as one.
  std::string out;
  for (const char c : text) {
    if (!(c == '-' && !out.empty() && out.back() == '-')) {
      out += c;
    }
  }
  return out;
}

namespace {

// ---- blocks: what a reader reads, in order ------------------------------------------

constexpr std::array<std::string_view, 16> kBlocks{"p",  "h1", "h2",      "h3",         "h4", "h5",
                                                   "h6", "li", "pre",     "figcaption", "td", "th",
                                                   "dt", "dd", "caption", "blockquote"};

bool is_block(std::string_view name) {
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

// What differs on purpose and is not compared: the archive's placeholders and image
// labels, and on WordPress's side the players, scripts and styles they replace.
bool is_deliberate(const content::HtmlNode& node) {
  static constexpr std::array<std::string_view, 9> kPlayers{
      "iframe", "object", "embed", "video", "audio", "script", "style", "noscript", "applet"};
  if (std::find(kPlayers.begin(), kPlayers.end(), node.name) != kPlayers.end() ||
      node.has_class("embed") || node.has_class("remote-image") ||
      node.has_class("missing-image") || node.has_class("wayback")) {
    return true;
  }
  // Code plugins WordPress does not have here and the archive reads (content/code_blocks):
  // WP-Syntax's and Crayon's <pre>, and the archive's code blocks made of them. Galleries:
  // the test WordPress has no image files, so it shows titles where readers saw images.
  const std::string* classes = node.attribute("class");
  const bool code_plugin =
      node.name == "pre" && (node.attribute("lang") != nullptr ||
                             (classes != nullptr && (classes->find("brush:") != std::string::npos ||
                                                     classes->find("lang:") != std::string::npos)));
  const bool archive_code =
      node.name == "figure" ? node.has_class("code")
                            : node.name == "pre" && !node.children.empty() &&
                                  node.children.front().kind == content::HtmlNode::Kind::Element &&
                                  node.children.front().name == "code" &&
                                  node.children.front().attribute("class") != nullptr;
  return code_plugin || archive_code || node.has_class("gallery") ||
         node.has_class("wp-block-gallery") || node.has_class("tiled-gallery");
}

void text_of(const std::vector<content::HtmlNode>& nodes, std::string& out) {
  for (const auto& node : nodes) {
    if (node.kind == content::HtmlNode::Kind::Text) {
      out += node.text;
    } else if (node.kind == content::HtmlNode::Kind::Element && !is_deliberate(node)) {
      out += node.name == "br" ? " " : "";
      text_of(node.children, out);
    }
  }
}

bool contains_block(const std::vector<content::HtmlNode>& nodes) {
  for (const auto& node : nodes) {
    if (node.kind == content::HtmlNode::Kind::Element &&
        (is_block(node.name) || contains_block(node.children))) {
      return true;
    }
  }
  return false;
}

bool looks_like_url(std::string_view text) {
  return (text.starts_with("http://") || text.starts_with("https://")) &&
         text.find(' ') == std::string_view::npos;
}

// "[sourcecode …]…[/sourcecode]", "[youtube …]": shortcodes of plugins the test
// WordPress lacks (it prints them), which the archive reads.
std::string_view plugin_shortcode_in(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kPlugins{
      "sourcecode", "code",        "source",      "php",        "java",       "cc",     "youtube",
      "vimeo",      "dailymotion", "googlevideo", "soundcloud", "slideshare", "flickr", "crayon"};
  for (const auto name : kPlugins) {
    const std::string open = "[" + std::string(name);
    const auto at = text.find(open);
    if (at != std::string_view::npos && at + open.size() < text.size() &&
        std::string_view(" =]_").find(text[at + open.size()]) != std::string_view::npos) {
      return name;
    }
  }
  return {};
}

// Forms the test WordPress prints as text and the archive leaves out (docs/fidelity.md,
// "Forms"): Jetpack's [contact-form]…[/contact-form] with its fields, Contact Form 7,
// polls. What the block says around them is still compared.
std::string without_forms(std::string text) {
  static const std::regex kForms(
      R"(\[contact-form[^\]]*\].*?\[/contact-form\]|\[(contact-form-7|contact-form|contact-field|polldaddy|wpforms|formidable)\b[^\]]*\])");
  return std::string(core::trim(core::collapse_whitespace(std::regex_replace(text, kForms, ""))));
}

void collect_blocks(const std::vector<content::HtmlNode>& nodes, std::vector<std::string>& blocks) {
  for (const auto& node : nodes) {
    if (node.kind != content::HtmlNode::Kind::Element || is_deliberate(node)) {
      continue;
    }
    if (is_block(node.name) && !contains_block(node.children)) {
      std::string text;
      text_of(node.children, text);
      text = without_forms(without_texturize(text));
      // An embed WordPress could not fetch (the test blocks the network) stays its URL.
      if (!text.empty() && !looks_like_url(text)) {
        blocks.push_back(node.name + ": " + text);
      }
      continue;
    }
    collect_blocks(node.children, blocks);
  }
}

}  // namespace

std::vector<std::string> blocks_of(std::string_view html) {
  std::vector<std::string> blocks;
  collect_blocks(content::parse_fragment(html), blocks);
  // A plugin's shortcode the test WordPress printed as text, up to its closing tag.
  std::vector<std::string> kept;
  std::string open_plugin;
  for (auto& block : blocks) {
    if (open_plugin.empty()) {
      const std::string_view plugin = plugin_shortcode_in(block);
      if (plugin.empty()) {
        kept.push_back(std::move(block));
        continue;
      }
      open_plugin = std::string(plugin);
    }
    if (block.find("[/" + open_plugin) != std::string::npos ||
        block.find("[" + open_plugin + " ") != std::string::npos ||
        block.find("[" + open_plugin + "=") != std::string::npos) {
      if (block.find("[/" + open_plugin) != std::string::npos ||
          block.find(']') == block.size() - 1) {
        open_plugin.clear();
      }
    }
  }
  return kept;
}

// The content of an article or page of the built archive: its <div class="content">.
std::string archive_content(const std::string& page) {
  const auto start = page.find("<div class=\"content\">");
  if (start == std::string::npos) {
    return {};
  }
  int depth = 0;
  std::size_t at = start;
  while (at != std::string::npos) {
    const auto open = page.find("<div", at + 1);
    const auto close = page.find("</div>", at + 1);
    if (close == std::string::npos) {
      break;
    }
    if (open != std::string::npos && open < close) {
      ++depth;
      at = open;
    } else if (depth-- == 0) {
      return page.substr(start, close + 6 - start);
    } else {
      at = close;
    }
  }
  return page.substr(start);
}

}  // namespace blogarchive::testing
