#pragma once
// Two archives of the same blog made by two routes (a WXR export and the REST API, or a
// database dump), compared item by item: every published article and page with its
// permalink, slug, date, title, author's name, terms, hand-written excerpt or none,
// approved comments (id, parent, author, date) and the text blocks of its built page.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "blog/post.hpp"

namespace blogarchive::testing {

/// One archive: its store and the files built from it.
struct BuiltRoute {
  std::string label;  ///< "WXR", "REST", "dump"
  std::filesystem::path store;
  const std::map<std::string, std::string>& files;
};

struct ArchiveComparison {
  std::size_t compared = 0;  ///< published items of the expected archive
  std::size_t agreeing = 0;
  std::vector<std::string> unexplained;  ///< differences not in `explained`
  std::string summary;                   ///< a Markdown report of every difference
  std::string site_icon;                 ///< the expected archive's, compared too
};

/// `explained` names differences that are known and documented, as
/// `post 1736 "Title": body` (the item and the kind of difference).
ArchiveComparison compare_archives(const BuiltRoute& expected, const BuiltRoute& actual,
                                   const std::set<std::string>& explained);

/// The published items of a store, by id.
std::map<std::int64_t, blog::Post> published(const std::filesystem::path& store_path);

/// "id (reply to parent) by author at date" for each approved comment, sorted.
std::vector<std::string> comment_keys(const blog::Post& post);

}  // namespace blogarchive::testing
