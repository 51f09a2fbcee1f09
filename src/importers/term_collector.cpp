#include "importers/term_collector.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/slug.hpp"
#include "core/text.hpp"

namespace blogarchive::importers {

std::string TermCollector::slug_for(const std::string& name) {
  std::string slug = core::slugify(name);
  if (!case_sensitive_ || slug.empty()) {
    return slug;
  }
  if (const auto known = slug_of_name_.find(name); known != slug_of_name_.end()) {
    return known->second;
  }
  // "MixedCase" and "Mixedcase" slugify alike; the second one met gets "-2".
  std::string unique = slug;
  for (int n = 2; named_.contains(unique); ++n) {
    unique = fmt::format("{}-{}", slug, n);
  }
  slug_of_name_.emplace(name, unique);
  return unique;
}

void TermCollector::add(blog::Post& post, std::string_view name) {
  const std::string trimmed(core::trim(name));
  if (trimmed.empty()) {
    return;
  }
  const std::string slug = slug_for(trimmed);
  if (slug.empty()) {
    return;
  }
  const bool has_term = std::any_of(
      post.terms.begin(), post.terms.end(),
      [&](const blog::TermRef& term) { return term.taxonomy == taxonomy_ && term.slug == slug; });
  if (has_term) {
    return;
  }
  post.terms.push_back({taxonomy_, slug, trimmed});
  if (named_.insert(slug).second) {
    sink_.term({taxonomy_, slug, trimmed, "", ""});
  }
}

}  // namespace blogarchive::importers
