#pragma once
// The search index of an archive, in memory: terms with impact-scored postings (BM25F,
// computed and quantized at build time, so a query only adds numbers) and the stored
// documents results are shown from. Built in parallel from the published items.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/analyzer.hpp"

namespace blogarchive::search {

/// What the build hands over of one published article or page.
struct SearchDocument {
  std::string url;    ///< the route path, "/2010/01/post/"
  std::string title;
  std::string date;   ///< as the archive shows it, "05.01.2010"
  std::string terms;  ///< category and tag names, space separated
  std::string text;   ///< the body as plain text (and approved comments, when configured)
};

/// A document as stored for showing results and checking phrases: its text is cut at
/// kStoredTextLimit bytes (at a character boundary).
struct StoredDocument {
  std::string url;
  std::string title;
  std::string date;
  std::string text;
};
constexpr std::size_t kStoredTextLimit = 12000;

struct Posting {
  std::uint32_t doc = 0;
  std::uint8_t impact = 0;  ///< 1–255: the term's BM25F score in the document, quantized
};

/// Terms in byte order with their postings (by document), and the documents.
struct SearchIndex {
  Language language = Language::Other;
  std::vector<std::string> terms;
  std::vector<std::vector<Posting>> postings;  ///< parallel to terms
  std::vector<StoredDocument> documents;       ///< by document number

  /// The postings of `term`, or nullptr.
  const std::vector<Posting>* find(std::string_view term) const;
  /// The indexes (into terms) of the terms starting with `prefix`.
  std::pair<std::size_t, std::size_t> prefix_range(std::string_view prefix) const;
};

/// Field weights and BM25 parameters; documented in docs/formats/search-index.md.
struct Scoring {
  double title = 3.0;
  double terms = 2.0;
  double body = 1.0;
  double compound_part = 0.5;  ///< "bahn" inside "strassenbahn" counts half
  double k1 = 1.2;
  double b = 0.75;
};

/// Collects documents (from any number of threads) and makes the index.
class IndexBuilder {
 public:
  explicit IndexBuilder(Language language, Scoring scoring = {}) : language_(language), scoring_(scoring) {}

  /// Analyzes `document` with the calling thread's `analyzer` and adds it as number
  /// `number` (numbers must be 0…n-1 without gaps once all are added).
  void add(std::uint32_t number, const SearchDocument& document, const Analyzer& analyzer);

  /// Splits German compounds, scores every posting and sorts the terms.
  SearchIndex finish();

 private:
  struct FieldCounts {
    std::uint16_t title = 0;
    std::uint16_t terms = 0;
    std::uint16_t body = 0;
  };
  struct RawPosting {
    std::uint32_t doc;
    FieldCounts counts;
    float from_compounds = 0;  ///< weighted frequency the term gets as a part of compounds
  };
  double weighted(const FieldCounts& counts) const;

  Language language_;
  Scoring scoring_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<RawPosting>> postings_;
  std::vector<StoredDocument> documents_;
  std::vector<double> lengths_;  ///< weighted length of each document
};

}  // namespace blogarchive::search
