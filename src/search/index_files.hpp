#pragma once
// The search index as static files (docs/formats/search-index.md): a manifest, term
// shards a query fetches by the terms it needs, and a document store read by HTTP
// range requests, so the number of files stays small and a query downloads little.
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

/// Every file of the index. Shard and store names carry a hash of their content, so
/// they can be cached forever; only the manifest has a fixed name.
std::vector<IndexFile> index_files(const SearchIndex& index,
                                   std::size_t shard_target = kShardTarget);

/// Reads the files back into an index (for tests and tools): the inverse of index_files.
/// Throws InputError when they are not a valid index.
SearchIndex read_index_files(const std::vector<IndexFile>& files);

}  // namespace blogarchive::search
