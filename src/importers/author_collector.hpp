#pragma once
// Authors as the importers without an author list meet them: on their posts.
#include <set>
#include <string>

#include "blog/post.hpp"

namespace blogarchive::importers {

/// Names each author to the sink once, the first time its login is met.
class AuthorCollector {
 public:
  explicit AuthorCollector(blog::ImportSink& sink) : sink_(sink) {}

  /// Records `login` (shown as `display_name`) and returns it; an empty login names
  /// nobody.
  const std::string& add(const std::string& login, const std::string& display_name);
  const std::string& add(const std::string& login) { return add(login, login); }

 private:
  blog::ImportSink& sink_;
  std::set<std::string> named_;
};

}  // namespace blogarchive::importers
