// libFuzzer target: the whole content pipeline on hostile HTML, under both policies and
// every markup. Beyond not crashing, it checks the two promises the sanitizer makes
// about its output as a browser parses it: it holds only allowed elements and no event
// handlers or unsafe URLs (no mutation XSS), and sanitizing it again changes nothing.
// (Byte-for-byte round trips are not promised: the HTML parser itself builds trees,
// such as links nested through tables, that it would parse differently when written
// out; what matters is that every such reading is safe.)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "content/body.hpp"

namespace {

using blogarchive::content::HtmlNode;
using blogarchive::content::SanitizePolicy;

[[noreturn]] void fail(const char* what, const std::string& html) {
  std::fprintf(stderr, "sanitizer promise broken: %s\n--- output ---\n%s\n", what, html.c_str());
  std::abort();
}

void check_reparsed(const std::vector<HtmlNode>& nodes, const SanitizePolicy& policy,
                    const std::string& html) {
  for (const auto& node : nodes) {
    if (node.kind == HtmlNode::Kind::Comment) {
      fail("a comment survived", html);
    }
    if (node.kind != HtmlNode::Kind::Element) {
      continue;
    }
    const auto allowed = policy.elements.find(node.name);
    if (allowed == policy.elements.end() || node.foreign) {
      fail("an element outside the policy appears when the output is parsed again", html);
    }
    for (const auto& [key, value] : node.attributes) {
      if (key.rfind("on", 0) == 0 || key == "style") {
        fail("an event handler or style attribute appears when parsed again", html);
      }
      if (policy.url_attributes.count(key) > 0 && !blogarchive::content::is_safe_url(value)) {
        fail("an unsafe URL appears when parsed again", html);
      }
    }
    check_reparsed(node.children, policy, html);
  }
}

void run(std::string_view input, const SanitizePolicy& policy,
         blogarchive::content::Markup markup) {
  blogarchive::content::BodyOptions options;
  options.policy = &policy;
  options.markup = markup;
  options.run_shortcodes = &policy == &blogarchive::content::content_policy();
  options.embed_label = "Embedded: ";
  const std::string html = blogarchive::content::render_body(input, options).html;
  auto again = blogarchive::content::parse_fragment(html);
  check_reparsed(again, policy, html);
  const std::string as_parsed = blogarchive::content::serialize(again);
  blogarchive::content::sanitize(again, policy);
  if (const std::string twice = blogarchive::content::serialize(again); twice != as_parsed) {
    fail("sanitizing the output again changed it",
         as_parsed + "\n--- sanitized again ---\n" + twice);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using blogarchive::content::Markup;
  run(input, blogarchive::content::content_policy(), Markup::WordPress);
  run(input, blogarchive::content::content_policy(), Markup::Markdown);
  run(input, blogarchive::content::comment_policy(), Markup::WordPress);
  return 0;
}
