#include "pipeline/search_documents.hpp"

#include <fmt/format.h>

#include <utility>

#include "blogarchive/error.hpp"
#include "content/html_tree.hpp"
#include "core/content_hash.hpp"

namespace blogarchive::pipeline {
namespace {

void append_comment_text(const std::vector<render::RenderedComment>& comments, std::string& text) {
  for (const auto& comment : comments) {
    text +=
        "\n" + comment.author + "\n" + content::extract_text(content::parse_fragment(comment.html));
    append_comment_text(comment.replies, text);
  }
}

void remove_all(std::string& text, const std::string& label) {
  if (label.empty()) {
    return;
  }
  for (auto at = text.find(label); at != std::string::npos; at = text.find(label, at)) {
    text.erase(at, label.size());
  }
}

}  // namespace

SearchCollector::SearchCollector(search::Language language, const render::Catalog& catalog,
                                 bool with_comments, const std::filesystem::path& cache_path)
    : catalog_(catalog),
      with_comments_(with_comments),
      // Not remote_image_label: "Bild auf " is also how authors write.
      archive_labels_{catalog.get("missing_image_label"), catalog.get("embed_label")},
      language_(language),
      with_words_(!search::browser_stems(language) && !search::stemmer_name(language).empty()),
      cache_path_(cache_path) {
  if (cache_path.empty()) {
    return;
  }
  try {
    cache_.emplace(cache_path);
  } catch (const StoreError& error) {
    // A cache is an optimisation: a read-only folder or a locked file must not stop a build.
    cache_problem_ = error.what();
  }
}

search::SearchDocument SearchCollector::document_of(const blog::Post& post, const std::string& path,
                                                    const render::RenderedItem& item) {
  search::SearchDocument document;
  document.url = path;
  document.title = post.title;
  if (post.date && post.type == blog::ItemKind::Article) {
    const std::lock_guard lock(catalog_mutex_);
    document.date = catalog_.date(*post.date);
  }
  for (const auto& term : post.terms) {
    if (term.taxonomy == blog::TermKind::Category || term.taxonomy == blog::TermKind::Tag) {
      document.terms += (document.terms.empty() ? "" : " ") + term.name;
    }
  }
  document.text = item.search_text;
  for (const auto& label : archive_labels_) {
    remove_all(document.text, label);
  }
  if (with_comments_) {
    append_comment_text(item.comments, document.text);
  }
  return document;
}

void SearchCollector::add(std::uint32_t number, const blog::Post& post, const std::string& path,
                          const render::RenderedItem& item, const search::Analyzer& analyzer) {
  const search::SearchDocument document = document_of(post, path, item);
  const std::uint64_t digest = search::document_digest(document, language_);
  // Analysis happens in the calling thread; only the bookkeeping is locked.
  std::optional<search::AnalysedDocument> analysed;
  if (!cache_ || !cache_->has(digest)) {
    analysed = search::analyse_document(document, analyzer, with_words_);
  }
  const std::string record =
      analysed && cache_ ? search::encode_analysed(*analysed) : std::string();
  const std::lock_guard lock(mutex_);
  if (digests_.size() <= number) {
    digests_.resize(number + 1);
  }
  digests_[number] = digest;
  if (cache_) {
    if (analysed) {
      cache_->put(digest, record);
    }
    return;
  }
  // Without a cache the analyses wait here for finish (a slot each, about 100 bytes:
  // not made when the cache holds them).
  if (analysed_.size() <= number) {
    analysed_.resize(number + 1);
  }
  analysed_[number] = std::move(analysed);
}

std::uint64_t SearchCollector::index_key() const {
  search::IndexBuilder settings(language_);
  core::ContentHash hash;
  settings.add_settings_to(hash);
  hash.add(static_cast<std::int64_t>(search::kShardTarget))
      .add(static_cast<std::int64_t>(digests_.size()));
  for (const std::uint64_t digest : digests_) {
    hash.add(static_cast<std::int64_t>(digest));
  }
  return hash.digest();
}

void SearchCollector::build_index(const FileWriter& write, int jobs) {
  search::IndexBuilder builder(language_);
  // Shards go out as they fill, documents straight into the store: neither the whole
  // archive's postings nor a second copy of its documents is held.
  search::IndexFileWriter files(language_, digests_.size(), [&](const search::IndexFile& file) {
    core::ContentHash digest;
    digest.add(file.bytes);
    write({file.path, digest.digest(), [&] { return std::string_view(file.bytes); }});
  });
  std::map<std::string, std::string> stems;
  for (std::size_t number = 0; number < digests_.size(); ++number) {
    std::optional<search::AnalysedDocument> analysed;
    if (number < analysed_.size()) {  // made without a cache
      analysed = std::move(analysed_[number]);
    }
    if (!analysed && cache_) {
      const auto record = cache_->analysed(digests_[number]);
      analysed = record ? search::decode_analysed(*record) : std::nullopt;
    }
    if (!analysed) {
      throw StoreError(fmt::format("{}: the analysis of search document {} is missing or damaged",
                                   cache_path_.string(), number));
    }
    for (auto& [word, stem] : analysed->words) {
      stems.emplace(std::move(word), std::move(stem));
    }
    analysed->words.clear();
    // The document goes into the store now, and its bytes are freed (not just cleared).
    files.add_document(std::exchange(analysed->packed, {}));
    builder.add(static_cast<std::uint32_t>(number), std::move(*analysed));
  }
  analysed_.clear();
  // The store is complete: out it goes, before the merge below reaches its peak.
  files.finish_documents();
  // What finish gives back of the documents is empty: they went into the store above.
  builder.finish([&](const std::string& term,
                     const std::vector<search::Posting>& postings) { files.add(term, postings); },
                 jobs);
  const std::vector<std::pair<std::string, std::string>> stem_list(
      std::make_move_iterator(stems.begin()), std::make_move_iterator(stems.end()));
  files.finish(stem_list);
}

void SearchCollector::finish(const FileWriter& write, core::Diagnostics& diagnostics, int jobs) {
  if (!cache_problem_.empty()) {
    diagnostics.warn(cache_path_.string(),
                     fmt::format("the search cache cannot be used ({}); the index is made afresh",
                                 cache_problem_));
  }
  if (!cache_) {
    build_index(write, jobs);
    return;
  }
  // Documents analysed by earlier builds are only in the cache: a cache that fails
  // from here on fails the build (its site is not swapped in), and says how to go on.
  const std::uint64_t key = index_key();
  try {
    if (cache_->index_key() == key) {
      cache_->for_each_index_file(write);
      cache_->keep_as_is();
      return;
    }
    cache_->begin_index();
    build_index(
        [&](const store::LazyFile& file) {
          write(file);
          cache_->add_index_file(file.path, file.digest, file.bytes());
        },
        jobs);
    cache_->save(key, digests_);
  } catch (const StoreError& error) {
    throw StoreError(
        fmt::format("{}; the search cache holds only derived data: remove {} and build again",
                    error.what(), cache_path_.string()));
  }
}

}  // namespace blogarchive::pipeline
