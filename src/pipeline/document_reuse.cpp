#include "pipeline/document_reuse.hpp"

#include <fmt/format.h>

#include "blogarchive/error.hpp"
#include "core/content_hash.hpp"
#include "core/parallel.hpp"

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
  put(sink, path, document.key, [&] { sink.write(path, document.render()); });
}

void DocumentReuse::write(output::OutputSink& sink, const store::LazyFile& file) {
  put(sink, file.path, file.digest, [&] { sink.write(file.path, file.bytes()); });
}

void DocumentReuse::put(output::OutputSink& sink, const std::string& path, std::uint64_t inputs_key,
                        const std::function<void()>& write_file) {
  core::ContentHash hash;
  hash.add(static_cast<std::int64_t>(inputs_key)).add(static_cast<std::int64_t>(salt_));
  const std::uint64_t key = hash.digest();
  const char* why = keep_or_why_not(sink, path, key);
  if (why != nullptr) {
    write_file();
  }
  const std::lock_guard lock(mutex_);
  written_.emplace_back(path, key);
  if (why != nullptr) {
    reasons_.emplace(path, why);
  }
}

void DocumentReuse::save(const output::DiskSink& disk, int jobs,
                         core::Diagnostics& diagnostics) const {
  if (!enabled_) {
    return;
  }
  // A stat of every document (path lookups through the whole tree), on every thread.
  std::vector<std::optional<output::FileStamp>> stamps(written_.size());
  core::parallel_chunks(written_.size(), jobs, 1024, [&](int, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      stamps[i] = disk.stamp(written_[i].first);
    }
  });
  std::vector<std::pair<std::string, store::WrittenDocument>> documents;
  documents.reserve(written_.size());
  for (std::size_t i = 0; i < written_.size(); ++i) {
    if (const auto& stamp = stamps[i]) {
      documents.emplace_back(
          written_[i].first,
          store::WrittenDocument{written_[i].second, stamp->size, stamp->mtime_ns, stamp->inode});
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
