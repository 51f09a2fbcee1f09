#include "importers/tags.hpp"

#include <algorithm>

#include "core/slug.hpp"
#include "core/text.hpp"

namespace blogarchive::importers {

void TagCollector::add(blog::Post& post, std::string_view name) {
  const std::string trimmed(core::trim(name));
  const std::string slug = core::slugify(trimmed);
  if (trimmed.empty() || slug.empty()) {
    return;
  }
  const bool tagged = std::any_of(post.terms.begin(), post.terms.end(),
                                  [&](const blog::TermRef& term) { return term.taxonomy == "post_tag" && term.slug == slug; });
  if (tagged) {
    return;
  }
  post.terms.push_back({"post_tag", slug, trimmed});
  if (named_.insert(slug).second) {
    sink_.term({"post_tag", slug, trimmed, "", ""});
  }
}

}  // namespace blogarchive::importers
