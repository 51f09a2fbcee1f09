#pragma once
// Terms as the feed, Blogger and site-folder importers meet them: inside each item, by
// name, with no list of terms up front.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "blog/post.hpp"

namespace blogarchive::importers {

/// Attaches terms of one taxonomy to posts and names each term to the sink once, the
/// first time it is met.
class TermCollector {
 public:
  /// Names that differ only in case ("Linux", "linux") are one term unless
  /// `case_sensitive`: Jekyll keeps them apart, and its archive had a page for each.
  TermCollector(blog::ImportSink& sink, blog::Taxonomy taxonomy, bool case_sensitive = false)
      : sink_(sink), taxonomy_(std::move(taxonomy)), case_sensitive_(case_sensitive) {}

  /// Gives `post` the term `name` (trimmed) unless it already has it; a name with
  /// nothing to make a slug of is skipped.
  void add(blog::Post& post, std::string_view name);

 private:
  std::string slug_for(const std::string& name);

  blog::ImportSink& sink_;
  blog::Taxonomy taxonomy_;
  bool case_sensitive_;
  std::map<std::string, std::string> slug_of_name_;  ///< case-sensitive mode: name → slug
  std::set<std::string> named_;                      ///< slugs already sent to the sink
};

}  // namespace blogarchive::importers
