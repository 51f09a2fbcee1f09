#pragma once
// Tags as the feed and Blogger importers meet them: inside each item, by name.
#include <set>
#include <string>
#include <string_view>

#include "blog/post.hpp"

namespace blogarchive::importers {

/// Attaches tags to posts and names each tag to the sink once, the first time it is met.
class TagCollector {
 public:
  explicit TagCollector(blog::ImportSink& sink) : sink_(sink) {}

  /// Tags `post` with `name` (trimmed) unless it already carries that tag; a name with
  /// nothing to make a slug of is skipped.
  void add(blog::Post& post, std::string_view name);

 private:
  blog::ImportSink& sink_;
  std::set<std::string> named_;  ///< slugs already sent to the sink
};

}  // namespace blogarchive::importers
