#include "search/analyzer.hpp"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>

#include "core/text.hpp"

namespace blogarchive::search {
namespace {

// Written for this project from the most frequent function words of German and English
// blog text; short on purpose: a word that might carry meaning stays searchable.
const std::set<std::string> kGermanStopWords{
    "aber",  "als",  "am",    "an",     "auch",   "auf",    "aus",    "bei",  "bin", "bis",
    "da",    "dann", "das",   "dass",   "daß",    "dem",    "den",    "denn", "der", "des",
    "die",   "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "du",  "durch",
    "ein",   "eine", "einem", "einen",  "einer",  "eines",  "er",     "es",   "für", "hat",
    "hatte", "ich",  "ihr",   "im",     "in",     "ist",    "ja",     "mit",  "man", "mich",
    "mir",   "nach", "nicht", "noch",   "nur",    "ob",     "oder",   "sich", "sie", "sind",
    "so",    "um",   "und",   "uns",    "von",    "vom",    "vor",    "war",  "was", "wenn",
    "wie",   "wir",  "wird",  "zu",     "zum",    "zur"};
const std::set<std::string> kEnglishStopWords{
    "a",   "about", "an",   "and",  "are",   "as",    "at",   "be",   "been", "but",
    "by",  "can",   "did",  "do",   "for",   "from",  "had",  "has",  "have", "he",
    "her", "his",   "i",    "if",   "in",    "into",  "is",   "it",   "its",  "me",
    "my",  "not",   "of",   "on",   "or",    "our",   "she",  "so",   "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "to",   "was",
    "we",  "were",  "what", "when", "which", "who",   "will", "with", "you",  "your"};
// The same for the other languages: the articles, pronouns, prepositions and auxiliaries
// that make up most of any text.
const std::set<std::string> kFrenchStopWords{
    "a",    "à",   "au",  "aux", "avec", "ce",   "ces", "dans", "de",  "des",  "du",   "elle",
    "en",   "est", "et",  "il",  "ils",  "je",   "la",  "le",   "les", "leur", "lui",  "ma",
    "mais", "me",  "mes", "mon", "ne",   "nous", "on",  "ou",   "par", "pas",  "pour", "qu",
    "que",  "qui", "sa",  "se",  "ses",  "son",  "sur", "ta",   "te",  "tu",   "un",   "une",
    "vous", "c",   "d",   "j",   "l",    "m",    "n",   "s",    "t",   "y",    "été",  "être"};
const std::set<std::string> kSpanishStopWords{
    "a",    "al",  "como", "con",  "de",  "del", "el", "ella", "en",  "es", "esta",
    "este", "fue", "ha",   "la",   "las", "le",  "lo", "los",  "me",  "mi", "no",
    "nos",  "o",   "para", "pero", "por", "que", "se", "si",   "sin", "su", "sus",
    "te",   "tu",  "un",   "una",  "uno", "y",   "ya", "yo"};
const std::set<std::string> kItalianStopWords{
    "a",   "ad",    "al",  "alla",  "alle",  "anche", "che", "chi",  "ci",  "come", "con", "da",
    "dal", "dalla", "del", "della", "delle", "dei",   "di",  "e",    "è",   "gli",  "ha",  "ho",
    "i",   "il",    "in",  "io",    "la",    "le",    "lo",  "ma",   "mi",  "ne",   "nel", "nella",
    "non", "o",     "per", "più",   "se",    "si",    "su",  "sono", "tra", "un",   "una", "uno"};
const std::set<std::string> kDutchStopWords{
    "aan", "al",  "als", "bij",  "dat",  "de",    "den",  "der",  "die",  "dit",  "door",
    "een", "en",  "er",  "had",  "heb",  "heeft", "het",  "hij",  "hoe",  "ik",   "in",
    "is",  "je",  "kan", "maar", "me",   "met",   "mijn", "naar", "niet", "nog",  "of",
    "om",  "ons", "ook", "op",   "over", "te",    "tot",  "uit",  "van",  "voor", "was",
    "wat", "we",  "wel", "werd", "wij",  "zich",  "zij",  "zijn", "zo"};
const std::set<std::string> kPortugueseStopWords{
    "a",    "ao",    "aos", "as",  "com", "como", "da",  "das", "de",   "do",  "dos",
    "e",    "é",     "ela", "ele", "em",  "era",  "eu",  "foi", "mais", "mas", "me",
    "meu",  "minha", "na",  "nas", "não", "no",   "nos", "o",   "os",   "ou",  "para",
    "pela", "pelo",  "por", "que", "se",  "seu",  "sua", "um",  "uma"};
const std::set<std::string> kPolishStopWords{
    "a",    "ale",  "bo",  "by",  "być", "co",  "do", "go", "i",  "ich",   "jak",
    "jest", "jego", "jej", "już", "na",  "nie", "o",  "od", "po", "przez", "się",
    "są",   "ta",   "tak", "te",  "to",  "tu",  "w",  "we", "z",  "za",    "że"};
const std::set<std::string> kSwedishStopWords{
    "att", "av",  "de",  "den", "det",  "du",   "efter", "en",  "ett", "for", "från", "för",
    "han", "har", "hon", "i",   "inte", "jag",  "man",   "med", "men", "mig", "min",  "och",
    "om",  "på",  "sig", "som", "så",   "till", "var",   "vi",  "vid", "är"};
const std::set<std::string> kDanishStopWords{
    "af",  "at",  "de",  "den", "der", "det",  "du",  "en",  "er",  "et",  "for",
    "fra", "han", "har", "hun", "i",   "ikke", "jeg", "man", "med", "men", "mig",
    "min", "og",  "om",  "på",  "sig", "som",  "så",  "til", "var", "vi",  "være"};
const std::set<std::string> kNoStopWords;

struct LanguageEntry {
  Language language;
  std::string_view code;
  std::string_view stemmer;
  const std::set<std::string>* stop_words;
};

const std::array<LanguageEntry, 10>& language_table() {
  static const std::array<LanguageEntry, 10> table{{
      {Language::German, "de", "german", &kGermanStopWords},
      {Language::English, "en", "english", &kEnglishStopWords},
      {Language::French, "fr", "french", &kFrenchStopWords},
      {Language::Spanish, "es", "spanish", &kSpanishStopWords},
      {Language::Italian, "it", "italian", &kItalianStopWords},
      {Language::Dutch, "nl", "dutch", &kDutchStopWords},
      {Language::Portuguese, "pt", "portuguese", &kPortugueseStopWords},
      {Language::Polish, "pl", "", &kPolishStopWords},
      {Language::Swedish, "sv", "swedish", &kSwedishStopWords},
      {Language::Danish, "da", "danish", &kDanishStopWords},
  }};
  return table;
}

const LanguageEntry* entry_of(Language language) {
  for (const auto& entry : language_table()) {
    if (entry.language == language) {
      return &entry;
    }
  }
  return nullptr;
}

// Longer words need no lookup (bytes: "être" is 5).
std::size_t longest_stop_word(Language language) {
  static const std::array<std::size_t, 10> longest = [] {
    std::array<std::size_t, 10> sizes{};
    for (std::size_t i = 0; i < language_table().size(); ++i) {
      for (const auto& word : *language_table()[i].stop_words) {
        sizes[i] = std::max(sizes[i], word.size());
      }
    }
    return sizes;
  }();
  const auto index = static_cast<std::size_t>(language);
  return index < longest.size() ? longest[index] : 0;
}

// German umlauts typed without the key: ae, oe, ue (but not the "ue" of "que").
std::string with_umlauts(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char next = i + 1 < word.size() ? word[i + 1] : '\0';
    if (next == 'e' &&
        (word[i] == 'a' || word[i] == 'o' || (word[i] == 'u' && !(i > 0 && word[i - 1] == 'q')))) {
      out += word[i] == 'a' ? "\xC3\xA4" : word[i] == 'o' ? "\xC3\xB6" : "\xC3\xBC";
      ++i;
    } else {
      out += word[i];
    }
  }
  return out;
}

// French and Italian write an elided article or pronoun into the word: "l'article",
// "qu'il", "dell'anno" are searched as "article", "il", "anno".
std::string without_elision(const std::string& word) {
  static constexpr std::array<std::string_view, 17> kElided{
      "l",     "d",      "j",      "m",    "n",    "s",    "t",    "c",  "qu",
      "jusqu", "lorsqu", "puisqu", "dell", "dall", "nell", "sull", "all"};
  const auto apostrophe = word.find('\'');
  if (apostrophe == std::string::npos || apostrophe + 1 >= word.size()) {
    return word;
  }
  const std::string_view before = std::string_view(word).substr(0, apostrophe);
  const bool elided =
      std::find(kElided.begin(), kElided.end(), before) != kElided.end() || before == "un";
  return elided ? word.substr(apostrophe + 1) : word;
}

}  // namespace

Language language_of(std::string_view code) {
  const std::string lower = core::to_lower_ascii(code.substr(0, code.find_first_of("-_")));
  for (const auto& entry : language_table()) {
    if (entry.code == lower) {
      return entry.language;
    }
  }
  return Language::Other;
}

std::string_view language_code(Language language) {
  const LanguageEntry* entry = entry_of(language);
  return entry == nullptr ? std::string_view() : entry->code;
}

std::string_view stemmer_name(Language language) {
  const LanguageEntry* entry = entry_of(language);
  return entry == nullptr ? std::string_view() : entry->stemmer;
}

bool browser_stems(Language language) {
  return language == Language::German || language == Language::English;
}

std::vector<WordSpan> word_spans(std::string_view text) {
  std::vector<WordSpan> spans;
  // UTF-16 for ICU, with the UTF-8 offset of every UTF-16 unit to map breaks back
  // (faster than letting ICU read UTF-8 through a UText).
  const auto length = static_cast<int32_t>(text.size());
  icu::UnicodeString unicode;
  std::vector<std::uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  {
    UChar* units = unicode.getBuffer(length + 1);
    int32_t written = 0;
    for (int32_t i = 0; i < length;) {
      const auto start = static_cast<std::uint32_t>(i);
      UChar32 c = 0;
      U8_NEXT(text.data(), i, length, c);
      if (c < 0) {
        c = 0xFFFD;
      }
      if (c <= 0xFFFF) {
        units[written++] = static_cast<UChar>(c);
        offsets.push_back(start);
      } else {
        units[written++] = U16_LEAD(c);
        units[written++] = U16_TRAIL(c);
        offsets.push_back(start);
        offsets.push_back(start);
      }
    }
    unicode.releaseBuffer(written);
  }
  offsets.push_back(static_cast<std::uint32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  // Word break rules are the same for every locale we analyze; one iterator per call
  // keeps this thread-safe.
  std::unique_ptr<icu::BreakIterator> breaks(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return spans;
  }
  breaks->setText(unicode);
  int32_t start = breaks->first();
  for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaks->next()) {
    const int32_t kind = breaks->getRuleStatus();
    if (kind >= UBRK_WORD_NONE && kind < UBRK_WORD_NONE_LIMIT) {
      continue;  // spaces and punctuation
    }
    spans.push_back(
        {offsets[static_cast<std::size_t>(start)], offsets[static_cast<std::size_t>(end)]});
  }
  return spans;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (const auto& span : word_spans(text)) {
    words.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return words;
}

std::string fold(std::string_view word, Language language) {
  std::string lower;
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    lower = core::to_lower_ascii(word);  // most words: no need for ICU
  } else {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    unicode.toLower(icu::Locale::getRoot());
    std::string utf8;
    unicode.toUTF8String(utf8);
    // Typographic apostrophes are the ASCII one for the stemmers (English "don’t").
    constexpr std::string_view kApostrophe = "\xE2\x80\x99";
    for (std::size_t at = 0; at < utf8.size();) {
      if (std::string_view(utf8).substr(at, kApostrophe.size()) == kApostrophe) {
        lower += '\'';
        at += kApostrophe.size();
      } else {
        lower += utf8[at++];
      }
    }
  }
  if (language == Language::French || language == Language::Italian) {
    return without_elision(lower);
  }
  return language == Language::German ? with_umlauts(lower) : lower;
}

const std::set<std::string>& stop_words(Language language) {
  const LanguageEntry* entry = entry_of(language);
  return entry == nullptr ? kNoStopWords : *entry->stop_words;
}

Analyzer::Analyzer(Language language) : language_(language), word_slots_(1024), term_slots_(1024) {
  if (const auto name = stemmer_name(language); !name.empty()) {
    stemmer_ = sb_stemmer_new(std::string(name).c_str(), "UTF_8");
  }
}

Analyzer::~Analyzer() {
  if (stemmer_ != nullptr) {
    sb_stemmer_delete(stemmer_);
  }
}

std::string Analyzer::stem(std::string_view folded) const {
  if (stemmer_ == nullptr) {
    return std::string(folded);
  }
  const sb_symbol* stemmed = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (stemmed == nullptr) {
    return std::string(folded);  // out of memory in libstemmer: the word itself still finds itself
  }
  return std::string(reinterpret_cast<const char*>(stemmed),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

bool Analyzer::is_stop_word(std::string_view folded) const {
  // Stop words are listed with their umlauts; a folded word has them too.
  return folded.size() <= longest_stop_word(language_) &&
         stop_words(language_).contains(std::string(folded));
}

namespace {

std::uint32_t hash32(std::string_view text) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(text));
}

}  // namespace

const Term* Analyzer::term_of(std::string_view word) const {
  const std::uint32_t hash = hash32(word);
  const std::size_t mask = word_slots_.size() - 1;
  std::size_t at = hash & mask;
  for (; word_slots_[at].length != 0; at = (at + 1) & mask) {
    const WordSlot& slot = word_slots_[at];
    if (slot.hash == hash && std::string_view(words_).substr(slot.word, slot.length) == word) {
      return slot.term == 0 ? nullptr : &terms_[slot.term - 1];
    }
  }
  const std::string folded = fold(word, language_);
  const std::uint32_t index = is_stop_word(folded) ? 0 : term_with_text(stem(folded));
  const Term* term = index == 0 ? nullptr : &terms_[index - 1];
  if (word.empty() || word.size() > 0xFFFF ||
      words_.size() + word.size() > std::numeric_limits<std::uint32_t>::max()) {
    return term;  // not worth keeping, or no room left to keep it
  }
  word_slots_[at] = {hash, static_cast<std::uint32_t>(words_.size()), index,
                     static_cast<std::uint16_t>(word.size())};
  words_.append(word);
  if (++words_used_ * 2 > word_slots_.size()) {
    grow_words();
  }
  return term;
}

std::uint32_t Analyzer::term_with_text(std::string_view text) const {
  const std::size_t mask = term_slots_.size() - 1;
  std::size_t at = hash32(text) & mask;
  for (; term_slots_[at] != 0; at = (at + 1) & mask) {
    if (terms_[term_slots_[at] - 1].text == text) {
      return term_slots_[at];
    }
  }
  terms_.push_back(Term{term_texts_.copy(text)});
  const auto index = static_cast<std::uint32_t>(terms_.size());
  term_slots_[at] = index;
  if (terms_.size() * 2 > term_slots_.size()) {
    grow_terms();
  }
  return index;
}

void Analyzer::grow_words() const {
  std::vector<WordSlot> old(word_slots_.size() * 2);
  old.swap(word_slots_);
  const std::size_t mask = word_slots_.size() - 1;
  for (const WordSlot& slot : old) {
    if (slot.length != 0) {
      std::size_t at = slot.hash & mask;
      while (word_slots_[at].length != 0) {
        at = (at + 1) & mask;
      }
      word_slots_[at] = slot;
    }
  }
}

void Analyzer::grow_terms() const {
  // Term slots keep no hash: the texts are hashed again, a few times per build.
  std::vector<std::uint32_t> old(term_slots_.size() * 2);
  old.swap(term_slots_);
  const std::size_t mask = term_slots_.size() - 1;
  for (const std::uint32_t index : old) {
    if (index != 0) {
      std::size_t at = hash32(terms_[index - 1].text) & mask;
      while (term_slots_[at] != 0) {
        at = (at + 1) & mask;
      }
      term_slots_[at] = index;
    }
  }
}

std::vector<std::string> Analyzer::terms(std::string_view text) const {
  std::vector<std::string> terms;
  for_each_term(text, [&](const Term& term) { terms.emplace_back(term.text); });
  return terms;
}

}  // namespace blogarchive::search
