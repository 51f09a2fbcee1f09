#pragma once
// What the build hands to the search index: every published article and page as it
// was rendered (so only published, sanitized text), with its route and shown date.
#include <cstdint>
#include <map>
#include <mutex>

#include "blog/post.hpp"
#include "render/catalog.hpp"
#include "render/views.hpp"
#include "search/index.hpp"

namespace blogarchive::pipeline {

class SearchCollector {
 public:
  SearchCollector(search::Language language, const render::Catalog& catalog, bool with_comments);

  /// Adds item `number` (articles first, newest first, then pages); thread-safe.
  void add(std::uint32_t number, const blog::Post& post, const std::string& path, const render::RenderedItem& item,
           const search::Analyzer& analyzer);

  /// Remembers which stem each word `analyzer` met has: the browser looks stems up
  /// for languages it has no stemmer of (search::browser_stems). Thread-safe.
  void add_vocabulary(const search::Analyzer& analyzer);

  search::SearchIndex finish();

 private:
  std::mutex stems_mutex_;
  std::map<std::string, std::string> stems_;
  search::IndexBuilder builder_;
  const render::Catalog& catalog_;
  std::mutex catalog_mutex_;  ///< Catalog::date caches what it formats
  bool with_comments_;
  /// Words the archive put into bodies ("Bild nicht im Archiv: "): not the author's.
  std::vector<std::string> archive_labels_;
  search::Language language_;
};

}  // namespace blogarchive::pipeline
