#include "content/shortcodes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "content/code_blocks.hpp"
#include "content/embeds.hpp"
#include "core/text.hpp"

namespace blogarchive::content {
namespace {

struct Shortcode {
  std::string name;
  std::string inline_value;  // [youtube=URL]
  std::map<std::string, std::string> attributes;
  std::string content;
  std::size_t end = 0;  // one past the whole shortcode
};

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

// The shortcode name that starts at `at`, lower case ("" when none does).
std::string name_at(std::string_view text, std::size_t at) {
  std::string name;
  for (std::size_t k = at; k < text.size() && is_name_char(text[k]); ++k) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
  }
  return name;
}

// Reads `key="value"`, `key='value'`, `key=value` and bare values up to ']'.
// A value at text[i]: quoted (to its closing quote) or bare (to the next space).
// Leaves i after it.
std::string read_value(std::string_view text, std::size_t& i) {
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    const char quote = text[i++];
    const auto close = text.find(quote, i);
    std::string value(
        text.substr(i, close == std::string_view::npos ? std::string_view::npos : close - i));
    i = close == std::string_view::npos ? text.size() : close + 1;
    return value;
  }
  const std::size_t start = i;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) {
    ++i;
  }
  return std::string(text.substr(start, i - start));
}

}  // namespace

std::map<std::string, std::string> parse_shortcode_attributes(std::string_view text) {
  std::map<std::string, std::string> attributes;
  std::size_t i = 0;
  int position = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
    }
    const std::size_t key_start = i;
    while (i < text.size() && is_name_char(text[i])) {
      ++i;
    }
    std::string key = core::to_lower_ascii(text.substr(key_start, i - key_start));
    std::string value;
    if (i < text.size() && text[i] == '=') {
      ++i;
      value = read_value(text, i);
    } else if (!key.empty() || (i < text.size() && text[i] != ']' && text[i] != '/')) {
      // A positional value ([audio https://x/a.mp3], [embed "…"]) runs to the next space
      // or its closing quote, as written: WordPress keeps its case and its ':' and '/'.
      i = key_start;
      value = read_value(text, i);
      key = std::to_string(position++);
    } else {
      ++i;  // a stray character
      continue;
    }
    attributes[key] = core::decode_html_entities(value);
  }
  return attributes;
}

namespace {

// Parses the shortcode whose '[' is at `at`; nullopt when the text there is not one.
std::optional<Shortcode> read_shortcode(std::string_view text, std::size_t at, bool enclosing) {
  std::size_t i = at + 1;
  const std::size_t name_start = i;
  while (i < text.size() && is_name_char(text[i])) {
    ++i;
  }
  if (i == name_start || i >= text.size()) {
    return std::nullopt;
  }
  Shortcode code;
  code.name = core::to_lower_ascii(text.substr(name_start, i - name_start));
  const auto close = text.find(']', i);
  if (close == std::string_view::npos ||
      text.substr(i, close - i).find('[') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(i, close - i);
  if (!rest.empty() && rest.front() == '=') {
    code.inline_value = core::trim(rest.substr(1));
  } else if (!rest.empty() && rest.front() != ' ' && rest.front() != '/') {
    return std::nullopt;
  }
  if (!rest.empty() && rest.back() == '/') {
    rest.remove_suffix(1);
  }
  code.attributes = parse_shortcode_attributes(rest);
  code.end = close + 1;
  if (enclosing) {
    const std::string end_tag = "[/" + code.name + "]";
    const auto end = core::to_lower_ascii(text.substr(code.end)).find(end_tag);
    if (end != std::string::npos) {
      code.content = text.substr(code.end, end);
      code.end += end + end_tag.size();
    }
  }
  return code;
}

std::string link_to(std::string_view url) {
  const std::string escaped = core::escape_html(core::trim(url));
  return "<a href=\"" + escaped + "\">" + escaped + "</a>";
}

std::string attribute_or(const Shortcode& code, const std::string& key,
                         const std::string& fallback = {}) {
  const auto found = code.attributes.find(key);
  return found == code.attributes.end() ? fallback : found->second;
}

// WordPress shows no caption without a width ([caption caption="…"] alone): the
// content then stands as it is.
std::string render_caption(const Shortcode& code) {
  std::string_view content = core::trim(code.content);
  const std::string width = attribute_or(code, "width");  // PHP's (int): its leading digits
  std::size_t digits = 0;
  while (digits < width.size() && digits < 9 &&
         std::isdigit(static_cast<unsigned char>(width[digits])) != 0) {
    ++digits;
  }
  if (digits == 0 || std::stoll(width.substr(0, digits)) < 1) {
    return std::string(content);
  }
  std::string caption = attribute_or(code, "caption");
  std::string media(content);
  // The image (or linked image) comes first; the rest is the caption text.
  std::size_t media_end = std::string_view::npos;
  if (core::starts_with_ci(content, "<a")) {
    const auto close = core::to_lower_ascii(content).find("</a>");
    media_end = close == std::string::npos ? close : close + 4;
  } else if (core::starts_with_ci(content, "<img")) {
    const auto close = content.find('>');
    media_end = close == std::string_view::npos ? close : close + 1;
  }
  if (media_end != std::string_view::npos) {
    media = content.substr(0, media_end);
    if (caption.empty()) {
      caption = core::trim(content.substr(media_end));
    }
  }
  const std::string align = attribute_or(code, "align");
  return "<figure class=\"wp-caption" + (align.empty() ? "" : " " + core::escape_html(align)) +
         "\">" + media + (caption.empty() ? "" : "<figcaption>" + caption + "</figcaption>") +
         "</figure>";
}

std::string render_gallery(const Shortcode& code, const ShortcodeContext& context) {
  std::vector<MediaItem> images;
  const std::string ids = attribute_or(code, "ids", attribute_or(code, "include"));
  if (!ids.empty() && context.find_media) {
    for (const std::string_view id : core::split(ids, ',')) {
      const std::string trimmed(core::trim(id));
      if (!trimmed.empty() && std::all_of(trimmed.begin(), trimmed.end(), ::isdigit)) {
        if (auto media = context.find_media(std::stoll(trimmed))) {
          images.push_back(*media);
        }
      }
    }
  } else {
    images = context.attached_media;
  }
  if (images.empty()) {
    return {};
  }
  // WordPress shows three columns unless told otherwise; the theme lays them out.
  const std::string columns = attribute_or(code, "columns", "3");
  const bool valid_columns = columns.size() == 1 && columns[0] >= '1' && columns[0] <= '9';
  std::string html =
      "<ul class=\"gallery columns-" + (valid_columns ? columns : std::string("3")) + "\">";
  for (const auto& image : images) {
    // The image itself, linked to the file: once the media are home it shows; while it is
    // still on the old server, containing images turns it into its title and host.
    const std::string label = image.title.empty() ? image.url : image.title;
    html += "<li><figure><a href=\"" + core::escape_html(image.url) + "\"><img src=\"" +
            core::escape_html(image.url) + "\" alt=\"" + core::escape_html(label) + "\"></a>";
    if (!core::trim(image.caption).empty()) {
      html += "<figcaption>" + image.caption + "</figcaption>";
    }
    html += "</figure></li>";
  }
  return html + "</ul>";
}

std::string media_source(const Shortcode& code) {
  for (const char* key : {"src", "mp3", "m4a", "ogg", "wav", "mp4", "webm", "ogv", "0"}) {
    if (auto value = attribute_or(code, key); !value.empty()) {
      return value;
    }
  }
  return core::trim(code.content).empty() ? code.inline_value
                                          : std::string(core::trim(code.content));
}

// `bare`: the tag is just [name], which media plugins close ([youtube]URL[/youtube]);
// with a value ([youtube ID]) they stand alone, and a later [/youtube] is another's.
bool is_enclosing(std::string_view name, bool bare) {
  if (name == "caption" || name == "wp_caption" || name == "embed" || name == "audio" ||
      name == "video" || name == "contact-form") {
    return true;
  }
  return bare &&
         (name == "youtube" || name == "vimeo" || name == "soundcloud" || name == "dailymotion" ||
          name == "googlevideo" || name == "tweet" || name == "flickr" || name == "gist");
}

}  // namespace

// Forms sent what visitors typed to the blog's server, which the archive does not have:
// a form that cannot send is worse than none, and its markup ([contact-field …]) is
// noise as text. Jetpack/Grunion's [contact-form]…[/contact-form], Contact Form 7's
// [contact-form-7 id=…] and its older [contact-form 1 "Name"], polls and surveys.
bool is_form_shortcode(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kForms{
      "contact-form", "contact-form-7", "contact-field", "polldaddy", "wpforms", "formidable"};
  return std::find(kForms.begin(), kForms.end(), name) != kForms.end();
}

namespace {

// Shortcodes of WordPress core and common plugins that need a reader's attention when
// left as text; anything else in brackets is most likely ordinary text ("[sic]"). Code
// shortcodes never get here: code_blocks.hpp took them out before.
bool is_known_shortcode(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kKnown{
      "playlist", "googlemaps", "slideshow", "instagram", "crayon", "wpvideo-gallery"};
  return std::find(kKnown.begin(), kKnown.end(), name) != kKnown.end();
}

bool is_url(std::string_view text) {
  return core::starts_with_ci(text, "http://") || core::starts_with_ci(text, "https://") ||
         text.starts_with("//");
}

// The leading id of a value such as "123&doc=name&w=425" (Jetpack packs options into it).
std::string leading_token(std::string_view value) {
  const auto end = value.find_first_of("&?# \t");
  return std::string(core::trim(value.substr(0, end)));
}

// The one value a media plugin's shortcode carries, whichever way it was written:
// [youtube ID], [youtube=URL], [youtube]URL[/youtube], [vimeo id=ID], [soundcloud url=…].
std::string plugin_value(const Shortcode& code) {
  for (const char* key : {"url", "src", "id", "video", "photo", "0"}) {
    if (auto value = attribute_or(code, key); !value.empty()) {
      return value;
    }
  }
  if (!core::trim(code.content).empty()) {
    return std::string(core::trim(code.content));
  }
  return core::decode_html_entities(code.inline_value);
}

// The address of what a video or audio plugin's shortcode showed, or "" when it names
// nothing. Ids become the provider's page for them; URLs stay as written.
std::string plugin_media_url(const Shortcode& code) {
  std::string value = plugin_value(code);
  if (value.empty() || is_url(value)) {
    return value;
  }
  const std::string id = leading_token(value);
  if (id.empty()) {
    return {};
  }
  static const std::map<std::string, std::string, std::less<>> kPageOfId{
      {"youtube", "https://www.youtube.com/watch?v="},
      {"vimeo", "https://vimeo.com/"},
      {"dailymotion", "https://www.dailymotion.com/video/"},
      {"slideshare", "https://www.slideshare.net/slideshow/embed_code/"},
      {"flickr", "https://www.flickr.com/photo.gne?id="},
      {"ted", "https://www.ted.com/talks/view/id/"},
      {"wpvideo", "https://videopress.com/v/"},
      {"googlevideo", "https://video.google.com/videoplay?docid="},
  };
  const auto page = kPageOfId.find(code.name);
  return page == kPageOfId.end() ? std::string() : page->second + id;
}

bool is_media_plugin(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMediaPlugins{
      "youtube", "vimeo", "dailymotion", "googlevideo", "soundcloud", "slideshare",
      "flickr",  "ted",   "wpvideo",     "tweet",       "twitter",    "spotify"};
  return std::find(kMediaPlugins.begin(), kMediaPlugins.end(), name) != kMediaPlugins.end();
}

// An embed of a service the reader would have seen playing: an iframe, which the
// sanitizer turns into the placeholder that loads nothing (embeds.hpp). Other
// addresses stay plain links.
std::string embed_or_link(std::string_view url, std::string_view title = {}) {
  const std::string trimmed(core::trim(url));
  const std::string provider = embed_provider(trimmed).key;
  if (provider == "other" || provider == "local") {
    return link_to(trimmed);
  }
  return "<iframe src=\"" + core::escape_html(trimmed) + "\"" +
         (title.empty() ? std::string() : " title=\"" + core::escape_html(title) + "\"") +
         "></iframe>";
}

std::optional<std::string> render_known(const Shortcode& code, const ShortcodeContext& context) {
  if (code.name == "caption" || code.name == "wp_caption") {
    return render_caption(code);
  }
  if (code.name == "gallery") {
    return render_gallery(code, context);
  }
  if (code.name == "embed" || code.name == "audio" || code.name == "video") {
    const std::string source = media_source(code);
    return source.empty() ? std::string{} : embed_or_link(source, attribute_or(code, "title"));
  }
  if (is_media_plugin(code.name)) {
    const std::string url = plugin_media_url(code);
    return url.empty() ? std::string{} : embed_or_link(url, attribute_or(code, "title"));
  }
  if (code.name == "gist") {
    const std::string value = plugin_value(code);
    const std::string id = leading_token(value);
    return is_url(value) ? link_to(value)
           : id.empty()  ? std::string{}
                         : link_to("https://gist.github.com/" + id);
  }
  return std::nullopt;
}

// A line that holds nothing but an http(s) URL: WordPress would have embedded it.
std::string link_bare_url_lines(std::string_view text) {
  std::string out;
  for (const std::string_view line : core::split(text, '\n')) {
    const std::string_view trimmed = core::trim(line);
    const bool bare_url =
        (core::starts_with_ci(trimmed, "http://") || core::starts_with_ci(trimmed, "https://")) &&
        trimmed.find_first_of(" \t<>\"") == std::string_view::npos;
    out += bare_url ? embed_or_link(trimmed) : std::string(line);
    out += '\n';
  }
  out.pop_back();
  return out;
}

// Whether a shortcode this stage knows (or reports) is named at `at`.
bool is_shortcode_name_at(std::string_view text, std::size_t at) {
  const std::string name = name_at(text, at);
  return !name.empty() && (is_known_shortcode(name) || is_form_shortcode(name) ||
                           is_media_plugin(name) || is_enclosing(name, true) || name == "gallery" ||
                           name == "gist" || is_code_shortcode(name));
}

}  // namespace

std::string expand_shortcodes(std::string_view text, const ShortcodeContext& context,
                              std::vector<std::string>& unhandled) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto open = text.find('[', i);
    if (open == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, open - i));
    // [[name]] is WordPress's escape for a literal [name], for shortcodes only: other
    // double brackets ("[['a', 'b']]" in code) stay as written.
    if (open + 1 < text.size() && text[open + 1] == '[' && is_shortcode_name_at(text, open + 2)) {
      const auto close = text.find("]]", open);
      if (close != std::string_view::npos) {
        out.append(text.substr(open + 1, close - open));
        i = close + 2;
        continue;
      }
    }
    const std::string name = name_at(text, open + 1);
    const std::size_t after_name = open + 1 + name.size();
    const auto code = read_shortcode(
        text, open, is_enclosing(name, after_name < text.size() && text[after_name] == ']'));
    if (!code) {
      out += '[';
      i = open + 1;
      continue;
    }
    if (is_form_shortcode(code->name)) {
      unhandled.push_back(code->name);  // left out; the warning says so
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        out.pop_back();  // the space before it goes too: "Write to me: Thanks."
      }
    } else if (auto html = render_known(*code, context)) {
      out += *html;
    } else {
      const bool has_end =
          core::to_lower_ascii(text.substr(code->end)).find("[/" + code->name + "]") !=
          std::string::npos;
      if (has_end || is_known_shortcode(code->name)) {
        unhandled.push_back(code->name);
      }
      out.append(text.substr(open, code->end - open));
    }
    i = code->end;
  }
  return link_bare_url_lines(out);
}

}  // namespace blogarchive::content
