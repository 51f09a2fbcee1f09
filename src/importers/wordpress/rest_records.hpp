#pragma once
// What a running WordPress shows anonymous visitors through its REST API
// (/wp-json/wp/v2/…), read into the same records as a WXR export. The downloading is
// the pipeline's (pipeline/live_import); this part only reads the answers.
#include <map>
#include <string>
#include <vector>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"

namespace blogarchive::importers {

/// One page of a collection as the server sent it: a JSON array.
struct RestPage {
  std::string url;  ///< for messages
  std::string body;
};

/// Everything downloaded from one site.
struct RestAnswers {
  std::string index;     ///< the API root (/wp-json/): the site's name, address, time zone
  std::string language;  ///< the feed's <language>; empty when unknown
  /// "posts", "pages", "media", "comments", "categories", "tags", "users": their pages in order.
  std::map<std::string, std::vector<RestPage>> collections;
};

/// Reads the answers into `sink`: the site, authors by their public names, terms with
/// their hierarchy, then every item with its terms and approved comments. Bodies are
/// `content.rendered`, WordPress's own filtered HTML, so their markup is "html".
/// Throws InputError naming the URL and position of an answer that is not the JSON
/// expected.
void read_rest_answers(const RestAnswers& answers, blog::ImportSink& sink,
                       core::Diagnostics& diagnostics);

/// Throws InputError ("URL: line L, column C: what") when `body` is not JSON.
void check_json(const std::string& url, const std::string& body);

}  // namespace blogarchive::importers
