#pragma once
// The search index of an archive, in memory: terms with impact-scored postings (BM25F,
// computed and quantized at build time, so a query only adds numbers) and the stored
// documents results are shown from. Built in parallel from the published items.
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/analyzer.hpp"

namespace blogarchive::core {
class ContentHash;
}

namespace blogarchive::search {

/// What the build hands over of one published article or page.
struct SearchDocument {
  std::string url;  ///< the route path, "/2010/01/post/"
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

/// A stored document as the index keeps and publishes it: gzip-compressed JSON
/// {"u","t","d","x"}, made once (in the build's worker threads) and read back on demand.
std::string pack_document(const StoredDocument& document);
StoredDocument unpack_document(std::string_view packed);

/// Terms in byte order with their postings (by document), and the documents.
struct SearchIndex {
  Language language = Language::Other;
  std::vector<std::string> terms;
  std::vector<std::vector<Posting>> postings;  ///< parallel to terms
  std::vector<std::string> packed_documents;   ///< by document number (pack_document)
  /// For languages the browser cannot stem itself (browser_stems): each word of the
  /// archive, folded, with its stem; sorted by word.
  std::vector<std::pair<std::string, std::string>> stems;

  /// Document `number`, unpacked.
  StoredDocument document(std::uint32_t number) const {
    return unpack_document(packed_documents.at(number));
  }

  /// The postings of `term`, or nullptr.
  const std::vector<Posting>* find(std::string_view term) const;
  /// The indexes (into terms) of the terms starting with `prefix`.
  std::pair<std::size_t, std::size_t> prefix_range(std::string_view prefix) const;
};

/// How often a term occurs in each field of one document (or how many terms the field
/// has), saturated at 65,535.
struct FieldCounts {
  std::uint16_t title = 0;
  std::uint16_t terms = 0;
  std::uint16_t body = 0;
  bool operator==(const FieldCounts&) const = default;
};

/// One document as the index needs it: the costly part of indexing (word breaking,
/// stemming, compression) done, so that a later build can keep it by the document's
/// digest (document_digest) instead of analysing the text again.
struct AnalysedDocument {
  std::string packed;                                       ///< pack_document
  FieldCounts lengths;                                      ///< terms per field
  std::vector<std::pair<std::string, FieldCounts>> counts;  ///< by term, sorted
  /// Each folded word with its stem, for the stems file (browser_stems false); sorted.
  std::vector<std::pair<std::string, std::string>> words;
  bool operator==(const AnalysedDocument&) const = default;
};

/// Analyses `document` with the calling thread's `analyzer`; `with_words` keeps the
/// words for the stems file.
AnalysedDocument analyse_document(const SearchDocument& document, const Analyzer& analyzer,
                                  bool with_words);

/// What decides a document's analysis: its fields, the language and the analysis's
/// version. Equal digests, equal AnalysedDocuments.
std::uint64_t document_digest(const SearchDocument& document, Language language);

/// AnalysedDocument as bytes and back; decode gives nullopt for bytes it did not write.
std::string encode_analysed(const AnalysedDocument& document);
std::optional<AnalysedDocument> decode_analysed(std::string_view bytes);

/// Field weights and BM25 parameters; documented in docs/formats/search-index.md.
/// BM25F saturates the weighted frequency of all fields together, so the title needs a
/// large weight to count: on the reference corpus's known-item queries, title 15 and
/// b 0.5 found the post first 77 % of the time where 3 and 0.75 (the textbook
/// values) managed 47 % (bench/search.sh; docs/benchmarks.md).
struct Scoring {
  double title = 15.0;
  double terms = 5.0;  ///< category and tag names
  double body = 1.0;
  double compound_part = 0.5;  ///< "bahn" inside "strassenbahn" counts half
  double k1 = 1.2;
  double b = 0.5;

  /// Every field, for the search cache's key.
  void hash_into(core::ContentHash& hash) const;
};

/// Collects documents (from any number of threads) and makes the index.
///
/// Memory is what bounds large archives, so a document is kept as compactly as it
/// arrives (its terms as numbers, its counts as varints), and the postings are scored a
/// range of terms at a time: only one range's postings are ever held unpacked
/// (kPartitionCells), and the terms are handed on in order as they are scored.
class IndexBuilder {
 public:
  /// At most `partition_cells` (document, frequency) cells are unpacked at once while
  /// scoring (16 bytes each): about 8 MiB by default, whatever the archive's size.
  explicit IndexBuilder(Language language, Scoring scoring = {},
                        std::size_t partition_cells = kPartitionCells);

  /// Analyzes `document` with the calling thread's `analyzer` and adds it as number
  /// `number` (numbers must be 0…n-1 without gaps once all are added).
  void add(std::uint32_t number, const SearchDocument& document, const Analyzer& analyzer);
  /// Adds a document analysed before (by this build or a cached earlier one).
  void add(std::uint32_t number, AnalysedDocument document);

  /// What decides the index besides its documents' digests: language, scoring and
  /// the index's format. Feed it the digests in document order to key a whole index.
  void add_settings_to(core::ContentHash& hash) const;

  /// Called once per term, in byte order, with its scored postings (by document).
  using TermVisitor =
      std::function<void(const std::string& term, const std::vector<Posting>& postings)>;
  /// Splits German compounds, scores every posting and hands each term to `visit` in
  /// byte order, scoring in `jobs` threads (the result is the same for any number);
  /// then gives the packed documents, by number. The builder is spent afterwards.
  std::vector<std::string> finish(const TermVisitor& visit, int jobs = 1);
  /// The whole index in memory (tests and tools).
  SearchIndex finish(int jobs = 1);

  static constexpr std::size_t kPartitionCells = std::size_t{1} << 19;

 private:
  /// A term's rank is its position in byte order; parts are compound parts by rank.
  struct TermOrder {
    std::vector<std::uint32_t> rank_of;       ///< by term id
    std::vector<std::string_view> text;       ///< by rank
    std::vector<std::uint32_t> part_offsets;  ///< by rank, into part_ranks (n + 1)
    std::vector<std::uint32_t> part_ranks;    ///< the parts of each compound
  };
  using Cell = std::pair<std::uint32_t, double>;          ///< (document, weighted frequency)
  using Range = std::pair<std::uint32_t, std::uint32_t>;  ///< terms [first, last) by rank
  /// A range's cells, each term's together (offsets by rank - first, size + 1).
  struct Partition {
    std::uint32_t first = 0;
    std::vector<std::size_t> offsets;
    std::vector<Cell> cells;
  };

  double weighted(const FieldCounts& counts) const;
  std::uint32_t term_id(std::string&& term);
  TermOrder order_terms() const;
  /// How many cells each term (by rank) gets: its documents and its compounds'.
  std::vector<std::size_t> cells_by_rank(const TermOrder& order) const;
  std::vector<Range> plan_partitions(const std::vector<std::size_t>& cells) const;
  /// Where the next range's entries begin in a document's forward_ entries.
  struct Cursor {
    std::size_t offset = 0;
    std::uint32_t rank = 0;  ///< of the entry before, which the next one counts from
  };
  /// Rewrites each document's entries as (term rank, word or compound part, counts),
  /// sorted by rank, a compound's counts repeated for each of its parts.
  void sort_by_target(const TermOrder& order, int jobs);
  /// Unpacks the cells of `range`, the next after those `cursors` have passed.
  Partition fill(Range range, const std::vector<std::size_t>& cells,
                 std::vector<Cursor>& cursors) const;
  /// The BM25F scores of the term at `rank` in a filled partition, by document.
  void score(Partition& partition, std::uint32_t rank, std::vector<Cell>& scores) const;

  Language language_;
  Scoring scoring_;
  std::size_t partition_cells_;
  std::mutex mutex_;
  std::deque<std::string> terms_;  ///< by term id (first come); a deque keeps views valid
  std::unordered_map<std::string_view, std::uint32_t> term_ids_;
  std::vector<std::uint32_t> word_documents_;  ///< by term id: documents holding it as a word
  /// By document: (term id, title, terms, body) for each of its terms, as varints;
  /// sort_by_target rewrites them for scoring.
  std::vector<std::string> forward_;
  std::vector<std::string> packed_;
  std::vector<double> lengths_;  ///< weighted length of each document
  double average_length_ = 1;
};

}  // namespace blogarchive::search
