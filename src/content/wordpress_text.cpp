#include "content/wordpress_text.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace blogarchive::content {
namespace {

struct Smiley {
  std::string_view text;
  std::string_view emoji;
};

// WordPress's smilies_init() table (":mrgreen:" is an image there, so it stays text
// here), longest first so that ":-)" is not read as ":-" and ")".
constexpr std::array<Smiley, 42> kSmilies{{
    {":neutral:", "\xF0\x9F\x98\x90"}, {":twisted:", "\xF0\x9F\x98\x88"},
    {":arrow:", "\xE2\x9E\xA1"},       {":shock:", "\xF0\x9F\x98\xAF"},
    {":smile:", "\xF0\x9F\x99\x82"},   {":???:", "\xF0\x9F\x98\x95"},
    {":cool:", "\xF0\x9F\x98\x8E"},    {":evil:", "\xF0\x9F\x91\xBF"},
    {":grin:", "\xF0\x9F\x98\x80"},    {":idea:", "\xF0\x9F\x92\xA1"},
    {":oops:", "\xF0\x9F\x98\xB3"},    {":razz:", "\xF0\x9F\x98\x9B"},
    {":roll:", "\xF0\x9F\x99\x84"},    {":wink:", "\xF0\x9F\x98\x89"},
    {":cry:", "\xF0\x9F\x98\xA5"},     {":eek:", "\xF0\x9F\x98\xAE"},
    {":lol:", "\xF0\x9F\x98\x86"},     {":mad:", "\xF0\x9F\x98\xA1"},
    {":sad:", "\xF0\x9F\x99\x81"},     {"8-)", "\xF0\x9F\x98\x8E"},
    {"8-O", "\xF0\x9F\x98\xAF"},       {":-(", "\xF0\x9F\x99\x81"},
    {":-)", "\xF0\x9F\x99\x82"},       {":-?", "\xF0\x9F\x98\x95"},
    {":-D", "\xF0\x9F\x98\x80"},       {":-P", "\xF0\x9F\x98\x9B"},
    {":-o", "\xF0\x9F\x98\xAE"},       {":-x", "\xF0\x9F\x98\xA1"},
    {":-|", "\xF0\x9F\x98\x90"},       {";-)", "\xF0\x9F\x98\x89"},
    {"8O", "\xF0\x9F\x98\xAF"},        {":(", "\xF0\x9F\x99\x81"},
    {":)", "\xF0\x9F\x99\x82"},        {":?", "\xF0\x9F\x98\x95"},
    {":D", "\xF0\x9F\x98\x80"},        {":P", "\xF0\x9F\x98\x9B"},
    {":o", "\xF0\x9F\x98\xAE"},        {":x", "\xF0\x9F\x98\xA1"},
    {":|", "\xF0\x9F\x98\x90"},        {";)", "\xF0\x9F\x98\x89"},
    {":!:", "\xE2\x9D\x97"},           {":?:", "\xE2\x9D\x93"},
}};

// WordPress's wp_spaces_regexp(): blanks, line breaks and the no-break space.
bool is_space_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) {
    return false;
  }
  const char c = text[at];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || text.substr(at, 2) == "\xC2\xA0";
}

bool is_space_before(std::string_view text, std::size_t at) {
  return at == 0 || is_space_at(text, at - 1) || (at >= 2 && text.substr(at - 2, 2) == "\xC2\xA0");
}

// Every smiley starts with one of these, so only they are tried: a body has a space
// every few letters, and trying all 42 smileys after each was a twentieth of a cold build.
constexpr std::string_view kSmileyStarts = ":;8";
static_assert(std::all_of(kSmilies.begin(), kSmilies.end(), [](const Smiley& smiley) {
  return kSmileyStarts.find(smiley.text.front()) != std::string_view::npos;
}));

// The smiley that stands alone at `at`: whitespace (or the text's start or end) on both
// sides; nullptr for none.
const Smiley* smiley_at(std::string_view text, std::size_t at) {
  if (!is_space_before(text, at)) {
    return nullptr;
  }
  for (const auto& smiley : kSmilies) {
    const std::size_t end = at + smiley.text.size();
    if (text.substr(at, smiley.text.size()) == smiley.text &&
        (end == text.size() || is_space_at(text, end))) {
      return &smiley;
    }
  }
  return nullptr;
}

std::string convert_smilies(std::string_view text) {
  std::string out;
  std::size_t copied = 0;  // text before this is in `out`
  for (std::size_t at = text.find_first_of(kSmileyStarts); at != std::string_view::npos;
       at = text.find_first_of(kSmileyStarts, at)) {
    const Smiley* found = smiley_at(text, at);
    if (found == nullptr) {
      ++at;
      continue;
    }
    out.append(text.substr(copied, at - copied)).append(found->emoji);
    at += found->text.size();
    copied = at;
  }
  return out.append(text.substr(copied));
}

// capital_P_dangit: the name after a space, a parenthesis, a tag, or a quote the author
// typed straight (wptexturize turned that into the curly entity WordPress looks for; a
// curly quote typed as such it leaves alone).
std::string capital_p(std::string_view text) {
  constexpr std::string_view kWrong = "Wordpress";
  std::string out(text);
  for (auto at = out.find(kWrong); at != std::string::npos; at = out.find(kWrong, at + 1)) {
    const bool after_boundary = at == 0 || out[at - 1] == ' ' || out[at - 1] == '(' ||
                                out[at - 1] == '"' || out[at - 1] == '\'';
    if (after_boundary) {
      out[at + 4] = 'P';
    }
  }
  return out;
}

bool is_code_element(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kCode{"pre",    "code",  "kbd",
                                                         "script", "style", "textarea"};
  return std::find(kCode.begin(), kCode.end(), name) != kCode.end();
}

}  // namespace

void apply_wordpress_text_filters(std::vector<HtmlNode>& nodes) {
  for (auto& node : nodes) {
    if (node.kind == HtmlNode::Kind::Text) {
      node.text = capital_p(convert_smilies(node.text));
    } else if (node.kind == HtmlNode::Kind::Element && !is_code_element(node.name)) {
      apply_wordpress_text_filters(node.children);
    }
  }
}

}  // namespace blogarchive::content
