#include "pipeline/document_reuse.hpp"

#include <fmt/format.h>

#include "blogarchive/error.hpp"
#include "core/content_hash.hpp"

namespace blogarchive::pipeline {

DocumentReuse::DocumentReuse(std::filesystem::path cache_path, const std::filesystem::path& out_dir,
                             std::uint64_t salt, core::Diagnostics& diagnostics)
    : cache_path_(std::move(cache_path)), salt_(salt) {
  std::filesystem::path site = std::filesystem::absolute(out_dir).lexically_normal();
  site_ = (site.filename().empty() ? site.parent_path() : site).string();
  try {
    previous_ = store::read_written_documents(cache_path_, site_);
    enabled_ = true;
  } catch (const StoreError& error) {
    diagnostics.warn(cache_path_.string(),
                     fmt::format("the render cache cannot be used ({}); every document is rendered",
                                 error.what()));
  }
}

const char* DocumentReuse::keep_or_why_not(output::OutputSink& sink, const std::string& path,
                                           std::uint64_t key) const {
  if (!enabled_) {
    return "no render cache";
  }
  const auto found = previous_.find(path);
  if (found == previous_.end()) {
    return "new: the last build did not write it";
  }
  if (found->second.key != key) {
    return "what it shows changed";
  }
  const auto& old = found->second;
  if (!sink.keep(path, {old.size, old.mtime_ns, old.inode}, {})) {
    return "its file was changed or removed since the last build";
  }
  return nullptr;
}

void DocumentReuse::write(output::OutputSink& sink, const std::string& path,
                          const render::Document& document) {
  core::ContentHash hash;
  hash.add(static_cast<std::int64_t>(document.key)).add(static_cast<std::int64_t>(salt_));
  const std::uint64_t key = hash.digest();
  const char* why = keep_or_why_not(sink, path, key);
  if (why != nullptr) {
    sink.write(path, document.render());
  }
  const std::lock_guard lock(mutex_);
  written_.emplace_back(path, key);
  if (why != nullptr) {
    reasons_.emplace(path, why);
  }
}

void DocumentReuse::save(const output::DiskSink& disk, core::Diagnostics& diagnostics) const {
  if (!enabled_) {
    return;
  }
  std::vector<std::pair<std::string, store::WrittenDocument>> documents;
  documents.reserve(written_.size());
  for (const auto& [path, key] : written_) {
    if (const auto stamp = disk.stamp(path)) {
      documents.emplace_back(
          path, store::WrittenDocument{key, stamp->size, stamp->mtime_ns, stamp->inode});
    }
  }
  try {
    store::save_written_documents(cache_path_, site_, documents);
  } catch (const StoreError& error) {
    diagnostics.warn(
        cache_path_.string(),
        fmt::format("the render cache cannot record this build's documents ({}); the next build "
                    "renders every document",
                    error.what()));
  }
}

}  // namespace blogarchive::pipeline
