#include "importers/sitefolders/macros.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <vector>

#include "core/text.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

// Collects the macros left as text, for one warning per post.
class LeftAsText {
 public:
  void add(std::string_view raw) {
    std::string shown = core::collapse_whitespace(raw);
    if (shown.size() > 60) {
      shown = shown.substr(0, 57) + "…";
    }
    if (std::find(seen_.begin(), seen_.end(), shown) == seen_.end()) {
      seen_.push_back(shown);
    }
  }
  void report(const std::string& where, std::string_view language,
              core::Diagnostics& diagnostics) const {
    if (seen_.empty()) {
      return;
    }
    std::string list;
    for (std::size_t i = 0; i < seen_.size() && i < 5; ++i) {
      list += (i ? ", " : "") + seen_[i];
    }
    if (seen_.size() > 5) {
      list += fmt::format(" and {} more", seen_.size() - 5);
    }
    diagnostics.warn(
        where, fmt::format("{} {} cannot run in the archive; left in the text as written", language,
                           list));
  }

 private:
  std::vector<std::string> seen_;
};

std::string code_block(std::string_view language, std::string_view code) {
  while (code.starts_with('\n')) {
    code.remove_prefix(1);
  }
  while (code.ends_with('\n') || code.ends_with(' ')) {
    code.remove_suffix(1);
  }
  const std::string lang(core::trim(language));
  return fmt::format("<pre><code{}>{}</code></pre>",
                     lang.empty() ? "" : " class=\"language-" + core::escape_html(lang) + "\"",
                     core::escape_html(code));
}

std::string link_paragraph(const std::string& url) {
  const std::string escaped = core::escape_html(url);
  return fmt::format("<p><a href=\"{}\">{}</a></p>", escaped, escaped);
}

std::string unquote(std::string_view text) {
  text = core::trim(text);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'' || text.front() == '`') &&
      text.back() == text.front()) {
    return std::string(text.substr(1, text.size() - 2));
  }
  return std::string(text);
}

// ---- Liquid ----------------------------------------------------------------------

std::string_view liquid_inner(std::string_view tag) {
  tag = core::trim(tag);
  if (tag.starts_with('-')) {
    tag.remove_prefix(1);
  }
  if (tag.ends_with('-')) {
    tag.remove_suffix(1);
  }
  return core::trim(tag);
}

// The position of "{% endNAME %}" after `from`, and where it ends.
std::optional<std::pair<std::size_t, std::size_t>> liquid_end(std::string_view body,
                                                              std::size_t from,
                                                              const std::string& name) {
  const std::regex pattern("\\{%-?\\s*end" + name + "\\s*-?%\\}");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), match,
                         pattern)) {
    return std::nullopt;
  }
  const std::size_t start = from + static_cast<std::size_t>(match.position(0));
  return std::make_pair(start, start + static_cast<std::size_t>(match.length(0)));
}

std::optional<std::string> liquid_output(std::string_view expression, const MacroContext& context) {
  const auto parts = core::split(expression, '|');
  const std::string head(core::trim(parts.front()));
  std::string value;
  if (head.starts_with('"') || head.starts_with('\'')) {
    value = unquote(head);
  } else if (const auto it = context.variables.find(core::to_lower_ascii(head));
             it != context.variables.end()) {
    value = it->second;
  } else {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string filter(core::trim(parts[i]));
    if (filter == "relative_url" || filter == "absolute_url") {
      const std::string base = filter == "relative_url" ? context.site_path : context.site_url;
      std::string joined = base;
      while (joined.ends_with('/')) {
        joined.pop_back();
      }
      if (!value.starts_with('/')) {
        joined += '/';
      }
      joined += value;
      value = std::move(joined);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

}  // namespace

std::string expand_liquid(std::string_view body, const MacroContext& context,
                          const std::string& where, core::Diagnostics& diagnostics) {
  std::string out;
  LeftAsText left;
  std::size_t i = 0;
  while (i < body.size()) {
    const std::size_t open = body.find('{', i);
    if (open == std::string_view::npos || open + 1 >= body.size()) {
      out.append(body.substr(i));
      break;
    }
    const char kind = body[open + 1];
    if (kind != '%' && kind != '{') {
      out.append(body.substr(i, open + 1 - i));
      i = open + 1;
      continue;
    }
    const std::size_t close = body.find(kind == '%' ? "%}" : "}}", open + 2);
    if (close == std::string_view::npos) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, open - i));
    const std::string_view raw = body.substr(open, close + 2 - open);
    const std::string_view inner = liquid_inner(body.substr(open + 2, close - open - 2));
    i = close + 2;
    if (kind == '{') {
      if (auto value = liquid_output(inner, context)) {
        out += *value;
      } else {
        left.add(raw);
        out.append(raw);
      }
      continue;
    }
    const std::size_t name_end = inner.find_first_of(" \t\n");
    const std::string name(inner.substr(0, name_end));
    const std::string arguments(
        name_end == std::string_view::npos ? "" : core::trim(inner.substr(name_end)));
    if (name == "raw" || name == "comment" || name == "highlight") {
      const auto end = liquid_end(body, i, name);
      if (!end) {
        left.add(raw);
        out.append(raw);
        continue;
      }
      const std::string_view enclosed = body.substr(i, end->first - i);
      if (name == "raw") {
        out.append(enclosed);
      } else if (name == "highlight") {
        out += code_block(arguments.substr(0, arguments.find(' ')), enclosed);
      }
      i = end->second;
    } else if (name == "post_url" || name == "link") {
      if (auto url = context.url_of ? context.url_of(arguments) : std::nullopt) {
        out += *url;
      } else {
        left.add(raw);
        out.append(raw);
      }
    } else {
      left.add(raw);
      out.append(raw);
    }
  }
  left.report(where, "Liquid", diagnostics);
  return out;
}

// ---- Hugo shortcodes -------------------------------------------------------------

namespace {

struct Shortcode {
  std::string name;
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
  bool closing = false;

  std::string argument(const std::string& key, std::size_t position) const {
    if (const auto it = named.find(key); it != named.end()) {
      return it->second;
    }
    return position < positional.size() ? positional[position] : std::string();
  }
};

Shortcode parse_shortcode(std::string_view inner) {
  Shortcode code;
  inner = core::trim(inner);
  if (inner.ends_with('/')) {
    inner.remove_suffix(1);  // self-closing {{< name />}}
  }
  if (inner.starts_with('/')) {
    code.closing = true;
    inner.remove_prefix(1);
  }
  static const std::regex token(
      R"re(\s*(?:([A-Za-z_][\w-]*)=)?("(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'|[^\s"'`]+))re");
  std::string text(core::trim(inner));
  bool first = true;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
       it != std::sregex_iterator(); ++it) {
    const std::string value = unquote((*it)[2].str());
    if (first) {
      code.name = value;
      first = false;
    } else if ((*it)[1].matched) {
      code.named[core::to_lower_ascii((*it)[1].str())] = value;
    } else {
      code.positional.push_back(value);
    }
  }
  return code;
}

std::string figure(const Shortcode& code) {
  std::string image =
      fmt::format("<img src=\"{}\" alt=\"{}\">", core::escape_html(code.argument("src", 99)),
                  core::escape_html(code.argument("alt", 99)));
  if (const std::string link = code.argument("link", 99); !link.empty()) {
    image = fmt::format("<a href=\"{}\">{}</a>", core::escape_html(link), image);
  }
  std::string caption;
  if (const std::string title = code.argument("title", 99); !title.empty()) {
    caption += fmt::format("<strong>{}</strong> ", core::escape_html(title));
  }
  caption += core::escape_html(code.argument("caption", 99));
  return fmt::format("<figure>{}{}</figure>", image,
                     core::trim(caption).empty()
                         ? ""
                         : "<figcaption>" + std::string(core::trim(caption)) + "</figcaption>");
}

// The HTML a shortcode without inner content stands for; nullopt when we cannot run it.
std::optional<std::string> simple_shortcode(const Shortcode& code, const MacroContext& context) {
  const std::string& name = code.name;
  if (name == "youtube") {
    const std::string id = code.argument("id", 0);
    return id.empty()
               ? std::nullopt
               : std::optional(fmt::format(
                     "<iframe src=\"https://www.youtube.com/embed/{}\" title=\"{}\"></iframe>",
                     core::escape_html(id), core::escape_html(code.argument("title", 99))));
  }
  if (name == "vimeo" || name == "vimeo_simple") {
    const std::string id = code.argument("id", 0);
    return id.empty()
               ? std::nullopt
               : std::optional(fmt::format(
                     "<iframe src=\"https://player.vimeo.com/video/{}\" title=\"{}\"></iframe>",
                     core::escape_html(id), core::escape_html(code.argument("title", 99))));
  }
  if (name == "tweet" || name == "twitter" || name == "twitter_simple" || name == "x") {
    const std::string id = code.argument("id", code.named.contains("user") ? 99 : 0);
    const std::string user = code.argument("user", 99);
    return id.empty() ? std::nullopt
                      : std::optional(link_paragraph(fmt::format("https://twitter.com/{}/status/{}",
                                                                 user.empty() ? "i" : user, id)));
  }
  if (name == "instagram" || name == "instagram_simple") {
    const std::string id = code.argument("id", 0);
    return id.empty() ? std::nullopt
                      : std::optional(link_paragraph("https://www.instagram.com/p/" + id + "/"));
  }
  if (name == "gist") {
    const std::string user = code.argument("user", 0);
    const std::string id = code.argument("id", 1);
    return id.empty() ? std::nullopt
                      : std::optional(link_paragraph("https://gist.github.com/" + user + "/" + id));
  }
  if (name == "figure") {
    return code.argument("src", 99).empty() ? std::nullopt : std::optional(figure(code));
  }
  if (name == "ref" || name == "relref") {
    return context.url_of ? context.url_of(code.argument("path", 0)) : std::nullopt;
  }
  if (name == "param") {
    const auto it =
        context.variables.find("params." + core::to_lower_ascii(code.argument("name", 0)));
    return it == context.variables.end() ? std::nullopt : std::optional(it->second);
  }
  return std::nullopt;
}

}  // namespace

std::string expand_shortcodes(std::string_view body, const MacroContext& context,
                              const std::string& where, core::Diagnostics& diagnostics) {
  std::string out;
  LeftAsText left;
  std::size_t i = 0;
  while (i < body.size()) {
    const std::size_t open = body.find("{{", i);
    if (open == std::string_view::npos || open + 2 >= body.size() ||
        (body[open + 2] != '<' && body[open + 2] != '%')) {
      const std::size_t until = open == std::string_view::npos ? body.size() : open + 2;
      out.append(body.substr(i, until - i));
      i = until;
      continue;
    }
    const char delimiter = body[open + 2];
    const std::string closer = delimiter == '<' ? ">}}" : "%}}";
    const bool escaped = body.substr(open + 3).starts_with("/*");
    const std::size_t close = body.find(escaped ? "*/" + closer : closer, open + 3);
    if (close == std::string_view::npos) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, open - i));
    const std::size_t end = close + (escaped ? 2 : 0) + closer.size();
    const std::string_view raw = body.substr(open, end - open);
    i = end;
    if (escaped) {  // {{</* name */>}} shows the shortcode itself
      out += "{{";
      out += delimiter;
      out.append(body.substr(open + 5, close - open - 5));
      out += closer;
      continue;
    }
    const Shortcode code = parse_shortcode(body.substr(open + 3, close - open - 3));
    if (code.name == "highlight" && !code.closing) {
      const std::regex end_pattern("\\{\\{[<%]\\s*/highlight\\s*[>%]\\}\\}");
      std::match_results<std::string_view::const_iterator> match;
      if (std::regex_search(body.begin() + static_cast<std::ptrdiff_t>(i), body.end(), match,
                            end_pattern)) {
        const std::size_t start = i + static_cast<std::size_t>(match.position(0));
        out += code_block(code.argument("lang", 0), body.substr(i, start - i));
        i = start + static_cast<std::size_t>(match.length(0));
        continue;
      }
    }
    if (auto html = code.closing ? std::nullopt : simple_shortcode(code, context)) {
      out += *html;
    } else {
      if (!code.closing) {
        left.add(raw);
      }
      out.append(raw);
    }
  }
  left.report(where, "Hugo shortcode", diagnostics);
  return out;
}

}  // namespace blogarchive::importers::sitefolders
