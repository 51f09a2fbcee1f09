#pragma once
// WordPress's permalinks computed from a database, as get_permalink() computes them:
// posts by permalink_structure (%year%, %monthnum%, %day%, %hour%, %minute%, %second%,
// %postname%, %post_id%, %category%, %author%), pages by their parents' slugs,
// attachments below their parent; ?p=, ?page_id= and ?attachment_id= without pretty
// permalinks and for unpublished items.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/dates.hpp"

namespace blogarchive::importers::sqldump {

/// What a permalink is made of.
struct PostShape {
  std::string type;
  std::string status;
  std::string slug;  ///< post_name as stored (percent-encoded)
  std::int64_t parent = 0;
  std::optional<core::DateTime> date;
  std::string author_slug;
  std::string category_path;  ///< "eltern/kind": the lowest-id category and its parents
};

class Permalinks {
 public:
  Permalinks(std::string home, std::string structure, std::int64_t front_page,
             const std::map<std::int64_t, PostShape>& shapes)
      : home_(std::move(home)),
        structure_(std::move(structure)),
        front_page_(front_page),
        shapes_(shapes) {
    while (home_.ends_with('/')) {
      home_.pop_back();
    }
  }
  std::string of(std::int64_t id) const;

 private:
  std::string post_link(std::int64_t id, const PostShape& post) const;
  std::string page_path(std::int64_t id, int depth) const;
  std::string trailing(std::string path) const;

  std::string home_;
  std::string structure_;
  std::int64_t front_page_;
  const std::map<std::int64_t, PostShape>& shapes_;
};

}  // namespace blogarchive::importers::sqldump
