#pragma once
// Text analysis for search: the same steps at index time (here) and at query time (here
// for `blogarchive search`, in themes/default/static/search.js for the browser).
//   words:  Unicode word segmentation (ICU's word break rules; Intl.Segmenter in the
//           browser uses the same rules), letters and numbers only
//   fold:   lower case; German: "ae", "oe", "ue" read as "ä", "ö", "ü" so that Mueller,
//           Müller and Muller meet after stemming
//   stem:   Snowball (libstemmer): german, english, french, spanish, italian, dutch,
//           portuguese, swedish, danish; Polish (no Snowball stemmer in libstemmer
//           2.2) and other languages are not stemmed
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_arena.hpp"

struct sb_stemmer;  // libstemmer's, kept out of this header

namespace blogarchive::search {

enum class Language {
  German,
  English,
  French,
  Spanish,
  Italian,
  Dutch,
  Portuguese,
  Polish,
  Swedish,
  Danish,
  Other
};

/// "de", "de-DE", "en", "en_US", "fr", … → the analysis to use.
Language language_of(std::string_view code);

/// "de", "en", "fr", …; "" for Other.
std::string_view language_code(Language language);

/// The Snowball algorithm's name ("german", "english", "french", …), or "" when none is used.
std::string_view stemmer_name(Language language);

/// True when the browser has its own implementation of the language's stemmer
/// (themes/default/static/search-stemmers.js: German and English). For the others the
/// index publishes which stem each of the archive's words has (the stems file).
bool browser_stems(Language language);

/// Where a word is in a text: bytes [begin, end).
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The words of `text` in order, where they are.
std::vector<WordSpan> word_spans(std::string_view text);

/// The words of `text` in order, as written (not folded).
std::vector<std::string> words_of(std::string_view text);

/// Lower case, and for German the two-letter umlaut spellings read as umlauts.
std::string fold(std::string_view word, Language language);

/// Function words that say nothing about a document: not indexed, and dropped from
/// queries (phrases are still checked against the text with them).
const std::set<std::string>& stop_words(Language language);

/// An index term as an analyzer hands it out: one object per distinct term per
/// analyzer, so that its address identifies it. Its text lives as long as the analyzer.
struct Term {
  std::string_view text;
};

/// One analyzer per thread: libstemmer's stemmers keep state, and so does the cache.
class Analyzer {
 public:
  explicit Analyzer(Language language);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  Language language() const { return language_; }
  /// The index term of a folded word: its stem.
  std::string stem(std::string_view folded) const;
  /// The terms of a text, stop words left out, in order (repeats kept).
  std::vector<std::string> terms(std::string_view text) const;
  /// The same without a vector: `each(term)` for every term, in order. Terms live as
  /// long as the analyzer.
  template <typename Each>
  void for_each_term(std::string_view text, Each&& each) const {
    for (const auto& span : word_spans(text)) {
      if (const Term* term = term_of(text.substr(span.begin, span.end - span.begin))) {
        each(*term);
      }
    }
  }
  bool is_stop_word(std::string_view folded) const;
  /// The term of one word as written (unfolded); nullptr for a stop word.
  const Term* term(std::string_view word) const { return term_of(word); }

 private:
  /// The term of a word as written; nullptr for a stop word. Cached: words repeat.
  const Term* term_of(std::string_view word) const;
  /// The index in terms_, plus one, of the term whose text is `text`; made if new.
  std::uint32_t term_with_text(std::string_view text) const;

  // The memo is two open-addressing tables of 32-bit numbers (words are short and
  // many: an archive of 10,000 posts meets about 50,000, and every build thread has
  // its own memo, so std::unordered_map's node per entry and a std::string per term
  // cost a build's peak several MiB).
  struct WordSlot {
    std::uint32_t hash = 0;    ///< the low half of the word's hash
    std::uint32_t word = 0;    ///< offset in words_
    std::uint32_t term = 0;    ///< index in terms_ + 1; 0: a stop word
    std::uint16_t length = 0;  ///< 0: empty slot
  };
  void grow_words() const;
  void grow_terms() const;

  Language language_;
  ::sb_stemmer* stemmer_ = nullptr;
  mutable std::vector<WordSlot> word_slots_;  ///< each word met, as written
  mutable std::size_t words_used_ = 0;
  mutable std::string words_;
  mutable std::deque<Term> terms_;                 ///< stable addresses
  mutable core::StringArena term_texts_;           ///< what terms_ views
  mutable std::vector<std::uint32_t> term_slots_;  ///< index in terms_ + 1; 0: empty
};

}  // namespace blogarchive::search
