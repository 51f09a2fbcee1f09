#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "output/sink.hpp"
#include "render/renderer.hpp"
#include "store/render_cache.hpp"
#include "store/search_cache.hpp"

namespace blogarchive::pipeline {

/// Document-level reuse: a document whose key (render::Document) equals the key of the
/// file the last build into the same folder left at its path, and whose file is
/// untouched since, is linked from the old tree instead of being rendered. The keys live
/// in the render cache, by output folder; without a render cache every document is
/// rendered. Thread-safe.
class DocumentReuse {
 public:
  /// Nothing is kept: every document is rendered.
  DocumentReuse() = default;
  /// The last build's documents in `out_dir`, read from the render cache at `cache_path`.
  /// `salt` covers what the sink does besides writing (e.g. compressed copies). A cache
  /// that cannot be read only costs time: a warning, and every document is rendered.
  DocumentReuse(std::filesystem::path cache_path, const std::filesystem::path& out_dir,
                std::uint64_t salt, core::Diagnostics& diagnostics);

  /// Puts `document` at `path` in the site: the old file when the last build left the same
  /// document there, else its rendered bytes.
  void write(output::OutputSink& sink, const std::string& path, const render::Document& document);
  /// The same for a file that is read, not rendered (the search index's): kept when
  /// the last build left a file of the same digest at its path, its bytes then unread.
  void write(output::OutputSink& sink, const store::LazyFile& file);

  /// Once the new tree is in place: records this build's documents for the next one,
  /// looking at their files on `jobs` threads.
  void save(const output::DiskSink& disk, int jobs, core::Diagnostics& diagnostics) const;

  std::size_t rendered_count() const { return reasons_.size(); }
  std::size_t kept_count() const { return written_.size() - reasons_.size(); }
  /// Why each rendered document was rendered, by path in the site.
  const std::map<std::string, std::string>& reasons() const { return reasons_; }

 private:
  const char* keep_or_why_not(output::OutputSink& sink, const std::string& path,
                              std::uint64_t key) const;
  /// Keeps the old file at `path` or calls `write_file`, and records the document.
  void put(output::OutputSink& sink, const std::string& path, std::uint64_t inputs_key,
           const std::function<void()>& write_file);

  bool enabled_ = false;
  std::filesystem::path cache_path_;
  std::string site_;  ///< the output folder's absolute path: keys are kept per folder
  std::uint64_t salt_ = 0;
  std::unordered_map<std::string, store::WrittenDocument> previous_;
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::uint64_t>> written_;  ///< path, key
  std::map<std::string, std::string> reasons_;
};

}  // namespace blogarchive::pipeline
