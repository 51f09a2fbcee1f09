#pragma once
// What the build hands to the search index: every published article and page as it
// was rendered (so only published, sanitized text), with its route and shown date.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"
#include "render/catalog.hpp"
#include "render/views.hpp"
#include "search/index.hpp"
#include "search/index_files.hpp"
#include "store/search_cache.hpp"

namespace blogarchive::pipeline {

/// Collects the published items and makes the index files. Analysis is the costly
/// part of indexing, so each document's analysis is kept in the search cache by the
/// document's digest, and the last index's files by a key over all digests: a build
/// whose documents are those of the previous one writes the kept files, and one with a
/// few changed documents analyses only those.
class SearchCollector {
 public:
  /// `cache_path` empty: no cache, everything is analysed.
  SearchCollector(search::Language language, const render::Catalog& catalog, bool with_comments,
                  const std::filesystem::path& cache_path = {});

  /// Adds item `number` (articles first, newest first, then pages); thread-safe.
  void add(std::uint32_t number, const blog::Post& post, const std::string& path,
           const render::RenderedItem& item, const search::Analyzer& analyzer);

  /// `write(file)` for every file of the index (index_files), from the cache when no
  /// document changed (its bytes read only if the writer asks), else made in `jobs`
  /// threads. Problems with the cache become warnings in `diagnostics`; the index is
  /// made anyway.
  using FileWriter = std::function<void(const store::LazyFile& file)>;
  void finish(const FileWriter& write, core::Diagnostics& diagnostics, int jobs);

 private:
  search::SearchDocument document_of(const blog::Post& post, const std::string& path,
                                     const render::RenderedItem& item);
  std::uint64_t index_key() const;
  void build_index(const FileWriter& write, int jobs);

  /// A copy (a few messages): the build frees its plan, whose catalog this was,
  /// before finish().
  const render::Catalog catalog_;
  std::mutex catalog_mutex_;  ///< Catalog::date caches what it formats
  bool with_comments_;
  /// Words the archive put into bodies ("Bild nicht im Archiv: "): not the author's.
  std::vector<std::string> archive_labels_;
  search::Language language_;
  /// The stems file needs every word with its stem (search::browser_stems false).
  bool with_words_;
  std::filesystem::path cache_path_;
  std::optional<store::SearchCache> cache_;
  std::string cache_problem_;  ///< why the cache was given up, for finish's warning
  std::mutex mutex_;
  std::vector<std::uint64_t> digests_;  ///< by document number
  /// Without a cache: the analyses themselves, by document number.
  std::vector<std::optional<search::AnalysedDocument>> analysed_;
};

}  // namespace blogarchive::pipeline
