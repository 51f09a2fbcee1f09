#pragma once
// The search index as static files (docs/formats/search-index.md): a manifest, term
// shards a query fetches by the terms it needs, and a document store read by HTTP
// range requests, so the number of files stays small and a query downloads little.
#include <functional>
#include <string>
#include <vector>

#include "search/index.hpp"

namespace blogarchive::search {

/// One file of the index, relative to the site root ("search/manifest.json").
struct IndexFile {
  std::string path;
  std::string bytes;
};

/// Uncompressed bytes per term shard before a new one is started (a term's postings
/// are never split); gzip makes about a third of it.
constexpr std::size_t kShardTarget = std::size_t{32} * 1024;

/// Makes the files as their parts come: each shard is handed on as soon as it is full,
/// so the whole archive's postings are never held, and the documents are copied into
/// the store as they come, so no other copy of them need be kept.
class IndexFileWriter {
 public:
  using Write = std::function<void(IndexFile file)>;
  /// `documents`: how many add_document will get (a guess is fine; it sizes the store).
  IndexFileWriter(Language language, std::size_t documents, Write write,
                  std::size_t shard_target = kShardTarget);
  /// The next document (pack_document), in number order.
  void add_document(std::string_view packed);
  /// The next term, in byte order, with its postings (IndexBuilder::finish's visitor).
  void add(const std::string& term, const std::vector<Posting>& postings);
  /// Writes the document store and its table once the last document is in, and frees
  /// them: called before the postings are merged, it keeps the store (about 2 KB per
  /// document) out of the merge's peak memory. No add_document after it.
  void finish_documents();
  /// The stems file (when `stems` is not empty), the document store and its table (unless
  /// finish_documents wrote them) and the manifest.
  void finish(const std::vector<std::pair<std::string, std::string>>& stems);

 private:
  void flush_shard();

  Language language_;
  Write write_;
  std::size_t shard_target_;
  std::size_t documents_;
  std::string store_;
  std::string table_;
  std::string store_name_;  ///< set by finish_documents
  std::string table_name_;
  std::size_t document_count_ = 0;
  std::vector<std::pair<std::string, std::string>> shards_;  ///< first term, file name
  std::string shard_;
  std::string previous_;
  std::string first_;
  std::size_t count_ = 0;
};

/// Every file of the index. Shard and store names carry a hash of their content, so
/// they can be cached forever; only the manifest has a fixed name.
std::vector<IndexFile> index_files(const SearchIndex& index,
                                   std::size_t shard_target = kShardTarget);

/// Reads the files back into an index (for tests and tools): the inverse of index_files.
/// Throws InputError when they are not a valid index.
SearchIndex read_index_files(const std::vector<IndexFile>& files);

}  // namespace blogarchive::search
