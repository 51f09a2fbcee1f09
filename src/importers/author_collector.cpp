#include "importers/author_collector.hpp"

namespace blogarchive::importers {

const std::string& AuthorCollector::add(const std::string& login, const std::string& display_name) {
  if (!login.empty() && named_.insert(login).second) {
    sink_.author({login, display_name});
  }
  return login;
}

}  // namespace blogarchive::importers
