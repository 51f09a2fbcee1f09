#pragma once
// Running a query against the index: the algorithm themes/default/static/search.js runs
// in the browser, step for step, so that `blogarchive search` shows what readers see.
//   1. "quoted" parts are phrases; the other words are analyzed like documents (stop
//      words dropped, folded, stemmed); with `prefix_last`, the last word (still being
//      typed) also matches the 50 most frequent terms it begins (at half weight).
//   2. A document's score is the sum, over the query's words, of the best impact of
//      the word's terms in it. Every word must match; when no document has them all,
//      documents with some of them are shown, marked as partial.
//   3. Phrases are checked on the stored text of the best 50 candidates.
//   4. Ties go to the lower document number (the newer article).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/analyzer.hpp"
#include "search/index.hpp"

namespace blogarchive::search {

struct QueryOptions {
  bool prefix_last = false;  ///< the last word is still being typed
  std::size_t limit = 10;
};

struct SearchHit {
  std::uint32_t doc = 0;
  double score = 0;
};

struct SearchResults {
  std::vector<SearchHit> hits;  ///< the first `limit`, best first
  std::size_t total = 0;        ///< all matching documents
  bool partial = false;         ///< no document matched every word; these match some
};

/// How many of the best candidates a phrase is checked on.
constexpr std::size_t kPhraseCandidates = 50;
/// How many terms a word being typed may stand for.
constexpr std::size_t kPrefixExpansions = 50;

SearchResults run_query(const SearchIndex& index, const Analyzer& analyzer, std::string_view query,
                        const QueryOptions& options);

/// About `words` words of `text` around the first word that matches the query, with
/// the matching words between `open` and `close` ("[", "]" in a terminal).
std::string snippet(const Analyzer& analyzer, std::string_view query, std::string_view text,
                    std::string_view open, std::string_view close, std::size_t words = 30);

}  // namespace blogarchive::search
