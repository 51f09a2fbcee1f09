#include "search/index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_set>

#include "blogarchive/error.hpp"
#include "core/content_hash.hpp"
#include "core/field_count.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "output/precompress.hpp"
#include "search/compounds.hpp"
#include "search/varint.hpp"

namespace blogarchive::search {
namespace {

// `text` cut to at most `limit` bytes without splitting a UTF-8 character.
std::string cut(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return std::string(text);
  }
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) {
    --limit;
  }
  return std::string(text.substr(0, limit));
}

}  // namespace

const std::vector<Posting>* SearchIndex::find(std::string_view term) const {
  const auto it = std::lower_bound(terms.begin(), terms.end(), term);
  return it != terms.end() && *it == term ? &postings[static_cast<std::size_t>(it - terms.begin())]
                                          : nullptr;
}

std::pair<std::size_t, std::size_t> SearchIndex::prefix_range(std::string_view prefix) const {
  const auto first = std::lower_bound(terms.begin(), terms.end(), prefix);
  auto last = first;
  while (last != terms.end() && std::string_view(*last).starts_with(prefix)) {
    ++last;
  }
  return {static_cast<std::size_t>(first - terms.begin()),
          static_cast<std::size_t>(last - terms.begin())};
}

IndexBuilder::IndexBuilder(Language language, Scoring scoring)
    : language_(language), scoring_(scoring) {}

double IndexBuilder::weighted(const FieldCounts& counts) const {
  return scoring_.title * counts.title + scoring_.terms * counts.terms +
         scoring_.body * counts.body;
}

AnalysedDocument analyse_document(const SearchDocument& document, const Analyzer& analyzer,
                                  bool with_words) {
  enum Field : std::uint8_t { kTitle, kTerms, kBody };
  // Terms live in the analyzer, one object per term: their addresses identify them, so
  // counting sorts pointers, not strings.
  std::vector<std::pair<const Term*, Field>> found;
  found.reserve(document.text.size() / 6);
  AnalysedDocument analysed;
  std::unordered_set<std::string_view> seen_words;
  const auto collect = [&](std::string_view text, Field field) {
    for (const auto& span : word_spans(text)) {
      const std::string_view word = text.substr(span.begin, span.end - span.begin);
      const Term* term = analyzer.term(word);
      if (term == nullptr) {
        continue;
      }
      found.emplace_back(term, field);
      if (with_words && seen_words.insert(word).second) {
        analysed.words.emplace_back(fold(word, analyzer.language()), term->text);
      }
    }
  };
  collect(document.title, kTitle);
  collect(document.terms, kTerms);
  collect(document.text, kBody);
  const auto bump = [](std::uint16_t& count) {
    count = static_cast<std::uint16_t>(std::min<int>(count + 1, 0xFFFF));
  };
  const auto field_of = [](FieldCounts& counts, Field field) -> std::uint16_t& {
    return field == kTitle ? counts.title : field == kTerms ? counts.terms : counts.body;
  };
  for (const auto& [term, field] : found) {
    bump(field_of(analysed.lengths, field));
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < found.size();) {
    FieldCounts counts;
    const Term* term = found[i].first;
    for (; i < found.size() && found[i].first == term; ++i) {
      bump(field_of(counts, found[i].second));
    }
    analysed.counts.emplace_back(term->text, counts);
  }
  std::sort(analysed.counts.begin(), analysed.counts.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(analysed.words.begin(), analysed.words.end());
  analysed.words.erase(std::unique(analysed.words.begin(), analysed.words.end()),
                       analysed.words.end());
  analysed.packed = pack_document(
      {document.url, document.title, document.date, cut(document.text, kStoredTextLimit)});
  return analysed;
}

std::uint64_t document_digest(const SearchDocument& document, Language language) {
  // Bump when analysis or the packed document change what they make of the same text.
  constexpr std::int64_t kAnalysisVersion = 1;
  core::ContentHash hash;
  hash.add(kAnalysisVersion).add(static_cast<std::int64_t>(language));
  hash.add(document.url)
      .add(document.title)
      .add(document.date)
      .add(document.terms)
      .add(document.text);
  return hash.digest();
}

namespace {

void put_text(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out.append(text);
}

void put_counts(std::string& out, const FieldCounts& counts) {
  put_varint(out, counts.title);
  put_varint(out, counts.terms);
  put_varint(out, counts.body);
}

std::string read_text(ByteReader& reader) {
  return std::string(reader.take(reader.varint()));
}

FieldCounts read_counts(ByteReader& reader) {
  FieldCounts counts;
  for (std::uint16_t* field : {&counts.title, &counts.terms, &counts.body}) {
    const std::uint64_t value = reader.varint();
    if (value > 0xFFFF) {
      throw InputError("search cache: a count is out of range");
    }
    *field = static_cast<std::uint16_t>(value);
  }
  return counts;
}

constexpr std::uint64_t kRecordMagic = 0xA7;  // first byte of every encoded record

}  // namespace

std::string encode_analysed(const AnalysedDocument& document) {
  std::string out;
  out.reserve(document.packed.size() + document.counts.size() * 12 + 16);
  put_varint(out, kRecordMagic);
  put_text(out, document.packed);
  put_counts(out, document.lengths);
  put_varint(out, document.counts.size());
  for (const auto& [term, counts] : document.counts) {
    put_text(out, term);
    put_counts(out, counts);
  }
  put_varint(out, document.words.size());
  for (const auto& [word, stem] : document.words) {
    put_text(out, word);
    put_text(out, stem);
  }
  return out;
}

std::optional<AnalysedDocument> decode_analysed(std::string_view bytes) {
  try {
    ByteReader reader(bytes);
    if (reader.varint() != kRecordMagic) {
      return std::nullopt;
    }
    AnalysedDocument document;
    document.packed = read_text(reader);
    document.lengths = read_counts(reader);
    for (std::uint64_t terms = reader.varint(); terms > 0; --terms) {
      std::string term = read_text(reader);
      document.counts.emplace_back(std::move(term), read_counts(reader));
    }
    for (std::uint64_t words = reader.varint(); words > 0; --words) {
      std::string word = read_text(reader);
      document.words.emplace_back(std::move(word), read_text(reader));
    }
    return reader.done() ? std::optional(std::move(document)) : std::nullopt;
  } catch (const InputError&) {
    return std::nullopt;  // not a record this version wrote
  }
}

void IndexBuilder::add(std::uint32_t number, const SearchDocument& document,
                       const Analyzer& analyzer) {
  add(number, analyse_document(document, analyzer, false));
}

void IndexBuilder::add(std::uint32_t number, AnalysedDocument document) {
  const std::lock_guard lock(mutex_);
  if (packed_.size() <= number) {
    packed_.resize(number + 1);
    lengths_.resize(number + 1);
  }
  packed_[number] = std::move(document.packed);
  lengths_[number] = weighted(document.lengths);
  for (auto& [term, counts] : document.counts) {
    auto found = postings_.find(term);
    if (found == postings_.end()) {
      found = postings_.try_emplace(std::move(term)).first;
    }
    found->second.push_back({number, counts});
  }
}

void IndexBuilder::add_settings_to(core::ContentHash& hash) const {
  constexpr std::int64_t kIndexVersion =
      1;  // bump when finish() or index_files() change their output
  hash.add(kIndexVersion).add(static_cast<std::int64_t>(language_));
  scoring_.hash_into(hash);
  hash.add(static_cast<std::int64_t>(kStoredTextLimit));
}

void Scoring::hash_into(core::ContentHash& hash) const {
  static_assert(core::field_count<Scoring> == 6, "a new field of Scoring must be hashed here");
  for (const double value : {title, terms, body, compound_part, k1, b}) {
    hash.add(std::to_string(value));
  }
}

IndexBuilder::CompoundParts IndexBuilder::compound_parts() const {
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, double>>> parts;
  if (language_ != Language::German) {
    return parts;
  }
  // Every term that occurs as a word is a possible part.
  std::unordered_set<std::string> vocabulary;
  vocabulary.reserve(postings_.size());
  for (const auto& [term, list] : postings_) {
    vocabulary.insert(term);
  }
  const CompoundSplitter splitter(std::move(vocabulary));
  for (const auto& [term, list] : postings_) {
    const auto split = splitter.parts(term);
    for (const auto& part : std::set<std::string>(split.begin(), split.end())) {
      auto& target = parts[part];
      for (const auto& posting : list) {
        target.emplace_back(posting.doc, weighted(posting.counts));
      }
    }
  }
  return parts;
}

namespace {

// Runs work(first, last, worker) over [0, count) in `jobs` contiguous ranges, one
// thread each (the calling thread alone for one job).
template <typename Work>
void in_ranges(std::size_t count, int jobs, const Work& work) {
  const std::size_t workers =
      std::clamp<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), 1, 64);
  if (workers == 1) {
    work(std::size_t{0}, count, std::size_t{0});
    return;
  }
  std::vector<std::thread> running;
  for (std::size_t i = 0; i < workers; ++i) {
    running.emplace_back(work, count * i / workers, count * (i + 1) / workers, i);
  }
  for (auto& thread : running) {
    thread.join();
  }
}

// Scores are counted in a histogram of logarithmic buckets, so that the scale can be
// taken from their distribution without keeping every score.
class ScoreHistogram {
 public:
  void add(double score) { ++counts_[static_cast<std::size_t>(bucket_of(score))]; }
  void merge(const ScoreHistogram& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      counts_[i] += other.counts_[i];
    }
  }
  // The upper edge of the bucket holding the 99.9th percentile: a few outliers (a word
  // repeated all over one short post) do not squeeze every other score into the lowest
  // impacts; the few above it are clamped to 255.
  double scale() const {
    std::uint64_t total = 0;
    for (const std::uint64_t count : counts_) {
      total += count;
    }
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i];
      if (seen * 1000 >= total * 999) {
        return kLowest * std::pow(kHighest / kLowest, static_cast<double>(i + 1) / kBuckets);
      }
    }
    return 0;
  }

 private:
  static constexpr int kBuckets = 4096;
  static constexpr double kLowest = 1e-6;
  static constexpr double kHighest = 1e3;
  static int bucket_of(double score) {
    const double position =
        std::log(std::max(score, kLowest) / kLowest) / std::log(kHighest / kLowest);
    return std::clamp(static_cast<int>(position * kBuckets), 0, kBuckets - 1);
  }
  std::vector<std::uint64_t> counts_ = std::vector<std::uint64_t>(kBuckets);
};

std::uint8_t quantized(double score, double scale) {
  const long impact = scale > 0 ? std::lround(score / scale * 255.0) : 1;
  return static_cast<std::uint8_t>(std::clamp<long>(impact, 1, 255));
}

}  // namespace

std::vector<std::string> IndexBuilder::sorted_terms() const {
  std::vector<std::string> terms;
  terms.reserve(postings_.size());
  for (const auto& [term, list] : postings_) {
    terms.push_back(term);
  }
  std::sort(terms.begin(), terms.end());
  return terms;
}

void IndexBuilder::score_term(const std::string& term, const Bm25Inputs& inputs,
                              ScoredPostings& scratch) const {
  auto& frequencies = scratch.frequencies;
  auto& merged = scratch.merged;
  frequencies.clear();
  for (const auto& posting : postings_.at(term)) {
    frequencies.emplace_back(posting.doc, weighted(posting.counts));
  }
  if (const auto from_compounds = inputs.parts.find(term); from_compounds != inputs.parts.end()) {
    for (const auto& [doc, frequency] : from_compounds->second) {
      frequencies.emplace_back(doc, scoring_.compound_part * frequency);
    }
  }
  std::sort(frequencies.begin(), frequencies.end());
  // A document may hold a term both as a word and as part of compounds: one posting.
  merged.clear();
  for (const auto& [doc, frequency] : frequencies) {
    if (!merged.empty() && merged.back().first == doc) {
      merged.back().second += frequency;
    } else {
      merged.emplace_back(doc, frequency);
    }
  }
  const double df = static_cast<double>(merged.size());
  const double idf = std::log(1.0 + (inputs.documents - df + 0.5) / (df + 0.5));
  for (auto& [doc, frequency] : merged) {
    const double norm =
        scoring_.k1 * (1.0 - scoring_.b + scoring_.b * lengths_[doc] / inputs.average_length);
    frequency = idf * frequency * (scoring_.k1 + 1.0) / (frequency + norm);
  }
}

IndexBuilder::Bm25Inputs IndexBuilder::bm25_inputs() const {
  Bm25Inputs inputs{compound_parts(), static_cast<double>(packed_.size()), 1.0};
  double total_length = 0;
  for (const double length : lengths_) {
    total_length += length;
  }
  if (inputs.documents > 0 && total_length > 0) {
    inputs.average_length = total_length / inputs.documents;
  }
  return inputs;
}

SearchIndex IndexBuilder::finish(int jobs) {
  SearchIndex index;
  index.language = language_;
  const Bm25Inputs inputs = bm25_inputs();
  std::vector<std::string> terms = sorted_terms();
  // BM25F per posting, computed twice (to find the scale, then to quantize on it, so
  // that impacts of all terms add up) instead of keeping every score. Terms are
  // independent: each pass runs in `jobs` threads, and gives the same bytes for any.
  std::vector<ScoreHistogram> histograms(static_cast<std::size_t>(std::max(jobs, 1)));
  in_ranges(terms.size(), jobs, [&](std::size_t first, std::size_t last, std::size_t worker) {
    ScoredPostings scratch;
    for (std::size_t t = first; t < last; ++t) {
      score_term(terms[t], inputs, scratch);
      for (const auto& [doc, score] : scratch.merged) {
        histograms[worker].add(score);
      }
    }
  });
  for (std::size_t i = 1; i < histograms.size(); ++i) {
    histograms[0].merge(histograms[i]);
  }
  const double scale = histograms[0].scale();
  index.postings.resize(terms.size());
  in_ranges(terms.size(), jobs, [&](std::size_t first, std::size_t last, std::size_t) {
    ScoredPostings scratch;
    for (std::size_t t = first; t < last; ++t) {
      score_term(terms[t], inputs, scratch);
      auto& out = index.postings[t];
      out.reserve(scratch.merged.size());
      for (const auto& [doc, score] : scratch.merged) {
        out.push_back({doc, quantized(score, scale)});
      }
      // Its raw postings are no longer needed: memory stays level (this worker's term only).
      std::vector<RawPosting>().swap(postings_.find(terms[t])->second);
    }
  });
  postings_.clear();
  index.terms = std::move(terms);
  index.packed_documents = std::move(packed_);
  return index;
}

std::string pack_document(const StoredDocument& document) {
  // Documents are compressed one by one, in the build's workers: level 1 is twice as
  // fast as 6 and only about 2 % larger on blog text.
  core::JsonWriter json;
  json.begin_object()
      .member("u", document.url)
      .member("t", document.title)
      .member("d", document.date)
      .member("x", document.text)
      .end_object();
  return output::gzip(json.text(), 1);
}

}  // namespace blogarchive::search
