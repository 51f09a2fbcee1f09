#include "content/code_blocks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "content/shortcodes.hpp"
#include "core/text.hpp"

namespace blogarchive::content {
namespace {

// A private-use character (U+E001) no export contains, followed by the block's number.
// autop uses U+E000 for its own placeholders.
constexpr std::string_view kMark = "\xEE\x80\x81";

// Every spelling the plugins accepted, by what it means. SyntaxHighlighter's brush
// aliases (also its shortcode names), GeSHi's names (WP-Syntax, CodeColorer) and
// Crayon's ids; "text"/"plain" mean no language.
struct LanguageAlias {
  std::string_view alias;
  std::string_view language;
};
constexpr std::array<LanguageAlias, 96> kLanguages{{
    {"as3", "actionscript"},
    {"actionscript3", "actionscript"},
    {"actionscript", "actionscript"},
    {"arduino", "arduino"},
    {"bash", "bash"},
    {"shell", "bash"},
    {"sh", "bash"},
    {"zsh", "bash"},
    {"console", "bash"},
    {"coldfusion", "coldfusion"},
    {"cf", "coldfusion"},
    {"clojure", "clojure"},
    {"clj", "clojure"},
    {"cpp", "cpp"},
    {"c++", "cpp"},
    {"c", "c"},
    {"c-sharp", "csharp"},
    {"csharp", "csharp"},
    {"c#", "csharp"},
    {"css", "css"},
    {"delphi", "pascal"},
    {"pas", "pascal"},
    {"pascal", "pascal"},
    {"diff", "diff"},
    {"patch", "diff"},
    {"erl", "erlang"},
    {"erlang", "erlang"},
    {"fsharp", "fsharp"},
    {"go", "go"},
    {"golang", "go"},
    {"groovy", "groovy"},
    {"haskell", "haskell"},
    {"java", "java"},
    {"java5", "java"},
    {"jfx", "javafx"},
    {"javafx", "javafx"},
    {"js", "javascript"},
    {"jscript", "javascript"},
    {"javascript", "javascript"},
    {"json", "json"},
    {"latex", "latex"},
    {"tex", "latex"},
    {"matlab", "matlab"},
    {"matlabkey", "matlab"},
    {"objc", "objectivec"},
    {"obj-c", "objectivec"},
    {"objective-c", "objectivec"},
    {"perl", "perl"},
    {"pl", "perl"},
    {"php", "php"},
    {"php-brief", "php"},
    {"ps", "powershell"},
    {"powershell", "powershell"},
    {"py", "python"},
    {"python", "python"},
    {"r", "r"},
    {"splus", "r"},
    {"rails", "ruby"},
    {"rb", "ruby"},
    {"ror", "ruby"},
    {"ruby", "ruby"},
    {"scala", "scala"},
    {"sql", "sql"},
    {"mysql", "sql"},
    {"tsql", "sql"},
    {"plsql", "sql"},
    {"swift", "swift"},
    {"ts", "typescript"},
    {"typescript", "typescript"},
    {"vb", "vbnet"},
    {"vbnet", "vbnet"},
    {"vbscript", "vbscript"},
    {"xml", "xml"},
    {"xhtml", "html"},
    {"xslt", "xml"},
    {"html", "html"},
    {"html4strict", "html"},
    {"html5", "html"},
    {"yaml", "yaml"},
    {"yml", "yaml"},
    {"lua", "lua"},
    {"lisp", "lisp"},
    {"scheme", "scheme"},
    {"io", "io"},
    {"ini", "ini"},
    {"apache", "apache"},
    {"nginx", "nginx"},
    {"make", "makefile"},
    {"makefile", "makefile"},
    {"dos", "batch"},
    {"bat", "batch"},
    {"batch", "batch"},
    {"asm", "asm"},
    {"vim", "vim"},
    {"ocaml", "ocaml"},
    {"properties", "properties"},
}};
constexpr std::array<std::string_view, 6> kPlainText{"text", "plain", "plaintext",
                                                     "txt",  "none",  "code"};

// SyntaxHighlighter's shortcode names besides the brush aliases.
constexpr std::array<std::string_view, 3> kGenericCodeShortcodes{"sourcecode", "source", "code"};

bool is_plain_text(std::string_view name) {
  return std::find(kPlainText.begin(), kPlainText.end(), name) != kPlainText.end();
}

std::optional<std::string_view> language_of_alias(std::string_view name) {
  for (const auto& entry : kLanguages) {
    if (entry.alias == name) {
      return entry.language;
    }
  }
  return std::nullopt;
}

// What one block is, as its plugin's attributes say.
struct CodeSpec {
  std::string language;  // as written
  bool inline_code = false;
  bool force_decode = false;  // the plugin was told the code is entity-escaped
  std::string title;
  std::string highlight;  // "2,4-6"
  int first_line = 1;
};

// ---- the code's text ------------------------------------------------------------------

bool has_markup(std::string_view code) {
  for (std::size_t at = code.find('<'); at != std::string_view::npos; at = code.find('<', at + 1)) {
    if (at + 1 < code.size()) {
      const char next = code[at + 1];
      if (std::isalpha(static_cast<unsigned char>(next)) != 0 || next == '/' || next == '!' ||
          next == '?') {
        return true;
      }
    }
  }
  return false;
}

// The visual editor wrapped code in <p> and turned line breaks into <br />: when those
// are the only tags, they are the editor's, not the code's.
std::string undo_visual_editor(std::string code) {
  std::string out;
  std::size_t i = 0;
  while (i < code.size()) {
    if (code[i] == '<') {
      const auto close = code.find('>', i);
      if (close != std::string::npos) {
        const std::string tag =
            core::to_lower_ascii(std::string_view(code).substr(i, close + 1 - i));
        if (tag == "<br>" || tag == "<br/>" || tag == "<br />") {
          const bool newline_follows = close + 1 < code.size() && code[close + 1] == '\n';
          out += newline_follows ? "" : "\n";
          i = close + 1;
          continue;
        }
        if (tag == "<p>" || tag == "</p>") {
          i = close + 1;
          continue;
        }
      }
    }
    out += code[i++];
  }
  return out;
}

// Blank lines around the code come from the editor ("[code]\n…\n[/code]"); the code's
// own indentation stays.
std::string trim_blank_lines(std::string_view code) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\n') {
      start = i + 1;
    } else if (code[i] != ' ' && code[i] != '\t') {
      break;
    }
  }
  std::size_t end = code.size();
  while (end > start && std::isspace(static_cast<unsigned char>(code[end - 1])) != 0) {
    --end;
  }
  return std::string(code.substr(start, end - start));
}

// The code as its readers saw it. Code is stored either as typed (raw '<' and '&') or,
// after the visual editor or the plugin's own "encoded" format, with entities and
// <p>/<br /> tags. Where markup other than the editor's shows, the code was typed raw
// and is kept as written; otherwise the editor's tags and one level of entities go.
std::string code_text(std::string_view raw, bool force_decode) {
  std::string code(raw);
  std::erase(code, '\r');
  std::string undone = undo_visual_editor(code);
  if (force_decode || !has_markup(undone)) {
    code = core::decode_html_entities(undone);
  }
  return trim_blank_lines(code);
}

// ---- the block's HTML -----------------------------------------------------------------

// "2,4-6" → the line numbers, as the reader saw them numbered.
std::set<int> highlighted_lines(std::string_view list) {
  std::set<int> lines;
  for (const std::string_view part : core::split(list, ',')) {
    const std::string_view item = core::trim(part);
    const auto dash = item.find('-');
    int from = 0;
    int to = 0;
    const std::string_view first = item.substr(0, dash);
    if (std::from_chars(first.data(), first.data() + first.size(), from).ec != std::errc{}) {
      continue;
    }
    to = from;
    if (dash != std::string_view::npos) {
      const std::string_view last = item.substr(dash + 1);
      if (std::from_chars(last.data(), last.data() + last.size(), to).ec != std::errc{}) {
        continue;
      }
    }
    for (int line = from; line <= to && line - from < 10000; ++line) {
      lines.insert(line);
    }
  }
  return lines;
}

std::string escaped_code(std::string_view code, const CodeSpec& spec) {
  const std::set<int> marked = highlighted_lines(spec.highlight);
  if (marked.empty()) {
    return core::escape_html(code);
  }
  std::string out;
  int number = spec.first_line;
  for (const std::string_view line : core::split(code, '\n')) {
    if (number != spec.first_line) {
      out += '\n';
    }
    const bool mark = marked.count(number) > 0;
    out += mark ? "<mark>" + core::escape_html(line) + "</mark>" : core::escape_html(line);
    ++number;
  }
  return out;
}

std::string block_html(std::string_view code, const CodeSpec& spec, const std::string& language) {
  const std::string code_tag =
      language.empty() ? "<code>" : "<code class=\"language-" + language + "\">";
  if (spec.inline_code) {
    return code_tag + core::escape_html(code) + "</code>";
  }
  std::string pre = "<pre>" + code_tag + escaped_code(code, spec) + "</code></pre>";
  if (spec.title.empty()) {
    return pre;
  }
  return "<figure class=\"code\"><figcaption>" + core::escape_html(spec.title) + "</figcaption>" +
         pre + "</figure>";
}

// ---- recognising the plugins' syntaxes ------------------------------------------------

struct Found {
  CodeSpec spec;
  std::string_view code;
  std::size_t end = 0;  // one past the whole block
};

int to_int(const std::string& text, int fallback) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() ? value : fallback;
}

std::string attribute(const std::map<std::string, std::string>& attributes,
                      const std::string& key) {
  const auto found = attributes.find(key);
  return found == attributes.end() ? std::string() : found->second;
}

bool is_true(const std::string& value) {
  return value == "true" || value == "1" || value == "on";
}

// CodeColorer: "cc", then flags (i inline, b block, e escaped, others about numbering and
// links; a capital letter turns one off), then "_lang": [ccnLe_php].
std::optional<CodeSpec> codecolorer_spec(std::string_view name_as_written) {
  if (name_as_written.size() < 2 || core::to_lower_ascii(name_as_written.substr(0, 2)) != "cc") {
    return std::nullopt;
  }
  const std::string_view rest = name_as_written.substr(2);
  const auto underscore = rest.find('_');
  const std::string_view flags = rest.substr(0, underscore);
  if (flags.find_first_not_of("iIeEsSwWnNbBlL") != std::string_view::npos) {
    return std::nullopt;
  }
  CodeSpec spec;
  spec.inline_code = flags.find('i') != std::string_view::npos;
  spec.force_decode = flags.find('e') != std::string_view::npos;
  if (flags.find('b') != std::string_view::npos) {
    spec.inline_code = false;
  }
  if (underscore != std::string_view::npos) {
    spec.language = core::to_lower_ascii(rest.substr(underscore + 1));
  }
  return spec;
}

// What the shortcode named `name` (as written) is, if it is a code plugin's.
std::optional<CodeSpec> code_shortcode_spec(std::string_view name_as_written,
                                            const std::map<std::string, std::string>& attributes,
                                            const std::string& inline_value) {
  const std::string name = core::to_lower_ascii(name_as_written);
  std::optional<CodeSpec> spec;
  if (auto colorer = codecolorer_spec(name_as_written)) {
    spec = colorer;
    if (attributes.count("inline") > 0) {
      spec->inline_code = is_true(attribute(attributes, "inline"));
    }
    if (is_true(attribute(attributes, "escaped"))) {
      spec->force_decode = true;
    }
  } else if (name == "crayon" ||
             std::find(kGenericCodeShortcodes.begin(), kGenericCodeShortcodes.end(), name) !=
                 kGenericCodeShortcodes.end()) {
    spec = CodeSpec{};
    spec->inline_code = name == "crayon" && is_true(attribute(attributes, "inline"));
    spec->force_decode = name == "crayon" && is_true(attribute(attributes, "decode"));
  } else if (language_of_alias(name) || is_plain_text(name)) {
    spec = CodeSpec{};
    spec->language = name;  // [php]…[/php]
  } else {
    return std::nullopt;
  }
  for (const char* key : {"language", "lang", "type", "0"}) {
    if (spec->language.empty()) {
      spec->language = core::to_lower_ascii(attribute(attributes, key));
    }
  }
  if (spec->language.empty()) {
    spec->language = core::to_lower_ascii(inline_value);  // [sourcecode="php"]
  }
  spec->title = attribute(attributes, "title");
  spec->highlight = attribute(attributes, "highlight");
  spec->first_line =
      to_int(attribute(attributes, "firstline"), to_int(attribute(attributes, "first_line"), 1));
  return spec;
}

// <pre lang="php" line="1" escaped="true" highlight="3"> (WP-Syntax, also iG:Syntax
// Hiliter and WP-GeSHi-Highlight), <pre class="lang:php decode:true"> (Crayon),
// <pre class="brush: php; title: 'x'"> (SyntaxHighlighter's own form).
std::optional<CodeSpec> pre_spec(const std::map<std::string, std::string>& attributes) {
  CodeSpec spec;
  if (const std::string lang = core::to_lower_ascii(attribute(attributes, "lang")); !lang.empty()) {
    // The lang attribute names a human language in plain HTML ("de", "en-US"): only a
    // programming language's name makes it WP-Syntax's.
    if (!language_of_alias(lang) && !is_plain_text(lang) && lang.size() <= 3) {
      return std::nullopt;
    }
    spec.language = lang;
    spec.force_decode = is_true(attribute(attributes, "escaped"));
    spec.first_line = to_int(attribute(attributes, "line"), 1);
    spec.highlight = attribute(attributes, "highlight");
    return spec;
  }
  const std::string classes = attribute(attributes, "class");
  bool found = false;
  // "lang:php decode:true mark:2-3 title:x" or "brush: php; highlight: [2, 3]"
  for (std::string_view rest = classes; !rest.empty();) {
    const auto end = rest.find_first_of(" ;");
    const std::string_view item = core::trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    const std::string key = core::to_lower_ascii(core::trim(item.substr(0, colon)));
    std::string value(core::trim(item.substr(colon + 1)));
    if (value.empty() && !rest.empty()) {  // "brush: php": the value after the space
      const auto next = rest.find_first_of(" ;");
      value = std::string(core::trim(rest.substr(0, next)));
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    if (key == "lang" || key == "brush") {
      spec.language = core::to_lower_ascii(value);
      found = true;
    } else if (key == "decode") {
      spec.force_decode = is_true(value);
    } else if (key == "mark") {
      spec.highlight = value;
    }
  }
  return found ? std::optional(spec) : std::nullopt;
}

// Where the closing tag `[/name]` (any case) starts, from `from`.
std::size_t find_closing(std::string_view text, std::string_view name, std::size_t from) {
  const std::string lower = core::to_lower_ascii(text.substr(from));
  const auto at = lower.find("[/" + core::to_lower_ascii(name) + "]");
  return at == std::string::npos ? std::string_view::npos : from + at;
}

class CodeBlockFinder {
 public:
  CodeBlockFinder(std::string_view text, CodeBlocks& blocks) : text_(text), blocks_(blocks) {}

  std::string run() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const auto next = text_.find_first_of("[<", i);
      if (next == std::string_view::npos) {
        out_.append(text_.substr(i));
        break;
      }
      out_.append(text_.substr(i, next - i));
      i = next;
      const std::optional<std::size_t> end = text_[i] == '[' ? shortcode_at(i) : pre_at(i);
      if (end) {
        i = *end;
      } else {
        out_ += text_[i++];
      }
    }
    return std::move(out_);
  }

 private:
  // A code shortcode at `at`: its end, after putting its placeholder out.
  std::optional<std::size_t> shortcode_at(std::size_t at) {
    if (at + 1 < text_.size() && text_[at + 1] == '[') {  // [[code]]: WordPress's escape
      std::size_t name_end = at + 2;
      while (name_end < text_.size() &&
             std::isalnum(static_cast<unsigned char>(text_[name_end])) != 0) {
        ++name_end;
      }
      const std::string_view name = text_.substr(at + 2, name_end - at - 2);
      const auto close = text_.find("]]", at);
      if (close == std::string_view::npos || name.empty() || !code_shortcode_spec(name, {}, {})) {
        return std::nullopt;
      }
      out_.append(text_.substr(at, close + 2 - at));
      return close + 2;
    }
    std::size_t i = at + 1;
    while (i < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[i])) != 0 || text_[i] == '_' ||
            text_[i] == '-' || text_[i] == '+' || text_[i] == '#')) {
      ++i;
    }
    const std::string_view name = text_.substr(at + 1, i - at - 1);
    const auto close = text_.find(']', i);
    if (name.empty() || close == std::string_view::npos ||
        (i < text_.size() && text_[i] != ']' && text_[i] != ' ' && text_[i] != '=' &&
         text_[i] != '\t')) {
      return std::nullopt;
    }
    std::string_view rest = text_.substr(i, close - i);
    if (rest.find('[') != std::string_view::npos || rest.find('\n') != std::string_view::npos) {
      return std::nullopt;
    }
    std::string inline_value;
    if (!rest.empty() && rest.front() == '=') {
      inline_value = core::decode_html_entities(core::trim(rest.substr(1)));
      const auto quote = inline_value.find_first_of("\"'");
      if (quote == 0 && inline_value.size() >= 2) {
        inline_value = inline_value.substr(1, inline_value.size() - 2);
      }
      rest = {};
    }
    const auto attributes = parse_shortcode_attributes(rest);
    auto spec = code_shortcode_spec(name, attributes, inline_value);
    if (!spec) {
      return std::nullopt;
    }
    const std::size_t content_start = close + 1;
    const std::size_t closing = find_closing(text_, name, content_start);
    if (closing == std::string_view::npos) {
      // [code] alone is common prose ("see the [code] below"); only say something when
      // the tag carried attributes, which prose does not.
      if (!rest.empty() || !inline_value.empty()) {
        problem(at, "the code shortcode [" + std::string(name) + "] has no closing [/" +
                        std::string(name) + "]; it is shown as text");
      }
      return std::nullopt;
    }
    const std::string_view code = text_.substr(content_start, closing - content_start);
    if (find_opening(code, name)) {
      problem(at, "[" + std::string(name) + "] inside [" + std::string(name) +
                      "]: the inner tags are shown as part of the code");
    }
    emit(at, *spec, code);
    return closing + name.size() + 3;
  }

  static bool find_opening(std::string_view code, std::string_view name) {
    const std::string lower = core::to_lower_ascii(code);
    const std::string open = "[" + core::to_lower_ascii(name);
    for (auto at = lower.find(open); at != std::string::npos; at = lower.find(open, at + 1)) {
      const char after = at + open.size() < lower.size() ? lower[at + open.size()] : '\0';
      if (after == ']' || after == ' ' || after == '=') {
        return true;
      }
    }
    return false;
  }

  std::optional<std::size_t> pre_at(std::size_t at) {
    if (!core::starts_with_ci(text_.substr(at), "<pre") || at + 4 >= text_.size() ||
        (text_[at + 4] != ' ' && text_[at + 4] != '\t' && text_[at + 4] != '\n')) {
      return std::nullopt;
    }
    const auto tag_end = text_.find('>', at);
    if (tag_end == std::string_view::npos) {
      return std::nullopt;
    }
    // HTML attributes are written like shortcode attributes; one parser reads both.
    auto spec = pre_spec(parse_shortcode_attributes(text_.substr(at + 4, tag_end - at - 4)));
    if (!spec) {
      return std::nullopt;
    }
    const std::string lower = core::to_lower_ascii(text_.substr(tag_end + 1));
    const auto closing = lower.find("</pre>");
    if (closing == std::string::npos) {
      problem(at, "a <pre lang=\"" + spec->language +
                      "\"> code block has no closing </pre>; it is shown as text");
      return std::nullopt;
    }
    emit(at, *spec, text_.substr(tag_end + 1, closing));
    return tag_end + 1 + closing + 6;
  }

  void emit(std::size_t at, const CodeSpec& spec, std::string_view raw) {
    // Plain text is marked too: the block came from a code plugin either way.
    std::string language = spec.language.empty() || is_plain_text(spec.language) ? "text" : "";
    if (!spec.language.empty() && !is_plain_text(spec.language)) {
      language = canonical_language(spec.language);
      if (language.empty()) {
        problem(at,
                "unknown code language \"" + spec.language + "\"; the code is shown without one");
      }
    }
    const std::string code = code_text(raw, spec.force_decode);
    CodeSpec shown = spec;
    if (shown.inline_code && code.find('\n') != std::string::npos) {
      shown.inline_code = false;  // inline code cannot hold lines
    }
    const std::string number = std::to_string(blocks_.html.size());
    out_ += shown.inline_code ? "<code>" + std::string(kMark) + number + ";</code>"
                              : "<pre>" + std::string(kMark) + number + ";</pre>";
    blocks_.html.push_back(block_html(code, shown, language));
  }

  // Problems name the line of the body they are on: bodies of old posts are long.
  void problem(std::size_t at, const std::string& text) {
    const auto line =
        1 + std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    blocks_.problems.push_back("line " + std::to_string(line) + " of the text: " + text);
  }

  std::string_view text_;
  CodeBlocks& blocks_;
  std::string out_;
};

}  // namespace

bool is_code_shortcode(std::string_view name) {
  return code_shortcode_spec(name, {}, {}).has_value();
}

std::string canonical_language(std::string_view name) {
  const std::string lower = core::to_lower_ascii(core::trim(name));
  if (const auto language = language_of_alias(lower)) {
    return std::string(*language);
  }
  return {};
}

std::string take_out_code_blocks(std::string_view text, CodeBlocks& blocks) {
  std::string clean(text);
  for (auto at = clean.find(kMark); at != std::string::npos; at = clean.find(kMark, at)) {
    clean.erase(at, kMark.size());  // a stray mark must not be taken for a placeholder
  }
  return CodeBlockFinder(clean, blocks).run();
}

std::string put_back_code_blocks(std::string text, const CodeBlocks& blocks) {
  for (std::size_t n = blocks.html.size(); n-- > 0;) {
    const std::string mark = std::string(kMark) + std::to_string(n) + ";";
    for (const auto& [open, close] :
         {std::pair{"<pre>", "</pre>"}, std::pair{"<code>", "</code>"}}) {
      const std::string placeholder = open + mark + close;
      if (const auto at = text.find(placeholder); at != std::string::npos) {
        text.replace(at, placeholder.size(), blocks.html[n]);
        break;
      }
    }
  }
  return text;
}

}  // namespace blogarchive::content
