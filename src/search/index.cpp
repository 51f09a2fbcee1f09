#include "search/index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

#include "search/compounds.hpp"

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
  return it != terms.end() && *it == term ? &postings[static_cast<std::size_t>(it - terms.begin())] : nullptr;
}

std::pair<std::size_t, std::size_t> SearchIndex::prefix_range(std::string_view prefix) const {
  const auto first = std::lower_bound(terms.begin(), terms.end(), prefix);
  auto last = first;
  while (last != terms.end() && std::string_view(*last).starts_with(prefix)) {
    ++last;
  }
  return {static_cast<std::size_t>(first - terms.begin()), static_cast<std::size_t>(last - terms.begin())};
}

double IndexBuilder::weighted(const FieldCounts& counts) const {
  return scoring_.title * counts.title + scoring_.terms * counts.terms + scoring_.body * counts.body;
}

void IndexBuilder::add(std::uint32_t number, const SearchDocument& document, const Analyzer& analyzer) {
  std::map<std::string, FieldCounts> counts;
  FieldCounts lengths;
  for (const auto& term : analyzer.terms(document.title)) {
    ++counts[term].title;
    ++lengths.title;
  }
  for (const auto& term : analyzer.terms(document.terms)) {
    ++counts[term].terms;
    ++lengths.terms;
  }
  for (const auto& term : analyzer.terms(document.text)) {
    FieldCounts& field = counts[term];
    field.body = static_cast<std::uint16_t>(std::min<int>(field.body + 1, 0xFFFF));
    ++lengths.body;
  }
  StoredDocument stored{document.url, document.title, document.date, cut(document.text, kStoredTextLimit)};
  const std::lock_guard lock(mutex_);
  if (documents_.size() <= number) {
    documents_.resize(number + 1);
    lengths_.resize(number + 1);
  }
  documents_[number] = std::move(stored);
  lengths_[number] = weighted(lengths);
  for (auto& [term, field] : counts) {
    postings_[term].push_back({number, field, 0});
  }
}

SearchIndex IndexBuilder::finish() {
  SearchIndex index;
  index.language = language_;
  if (language_ == Language::German) {
    // Every term that occurs as a word is a possible part; each compound's documents
    // also count for its parts.
    std::unordered_set<std::string> vocabulary;
    for (const auto& [term, list] : postings_) {
      vocabulary.insert(term);
    }
    const CompoundSplitter splitter(std::move(vocabulary));
    std::vector<std::pair<std::string, std::vector<std::string>>> compounds;
    for (const auto& [term, list] : postings_) {
      if (auto parts = splitter.parts(term); !parts.empty()) {
        compounds.emplace_back(term, std::move(parts));
      }
    }
    std::sort(compounds.begin(), compounds.end());  // the same result for any hash order
    for (const auto& [compound, parts] : compounds) {
      const auto source = postings_.at(compound);  // a copy: a part may be added to
      for (const auto& part : std::set<std::string>(parts.begin(), parts.end())) {
        auto& target = postings_[part];
        for (const auto& posting : source) {
          target.push_back({posting.doc, {}, static_cast<float>(weighted(posting.counts))});
        }
      }
    }
  }
  const double count = static_cast<double>(documents_.size());
  double total_length = 0;
  for (const double length : lengths_) {
    total_length += length;
  }
  const double average = count > 0 && total_length > 0 ? total_length / count : 1.0;
  std::vector<std::string> terms;
  terms.reserve(postings_.size());
  for (auto& [term, list] : postings_) {
    terms.push_back(term);
  }
  std::sort(terms.begin(), terms.end());
  // Scores first, as doubles; then one scale for all, so impacts add up across terms.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> scores(terms.size());
  double highest = 0;
  for (std::size_t t = 0; t < terms.size(); ++t) {
    auto& list = postings_.at(terms[t]);
    std::sort(list.begin(), list.end(), [](const RawPosting& a, const RawPosting& b) { return a.doc < b.doc; });
    // A document may hold a term both as a word and as part of compounds: one posting.
    std::vector<std::pair<std::uint32_t, double>> merged;
    for (const auto& posting : list) {
      const double frequency = weighted(posting.counts) + scoring_.compound_part * posting.from_compounds;
      if (!merged.empty() && merged.back().first == posting.doc) {
        merged.back().second += frequency;
      } else {
        merged.emplace_back(posting.doc, frequency);
      }
    }
    const double df = static_cast<double>(merged.size());
    const double idf = std::log(1.0 + (count - df + 0.5) / (df + 0.5));
    for (auto& [doc, frequency] : merged) {
      const double norm = scoring_.k1 * (1.0 - scoring_.b + scoring_.b * lengths_[doc] / average);
      frequency = idf * frequency * (scoring_.k1 + 1.0) / (frequency + norm);
      highest = std::max(highest, frequency);
    }
    scores[t] = std::move(merged);
  }
  index.terms = std::move(terms);
  index.postings.resize(index.terms.size());
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    auto& out = index.postings[t];
    out.reserve(scores[t].size());
    for (const auto& [doc, score] : scores[t]) {
      const long quantized = highest > 0 ? std::lround(score / highest * 255.0) : 1;
      out.push_back({doc, static_cast<std::uint8_t>(std::clamp<long>(quantized, 1, 255))});
    }
  }
  index.documents = std::move(documents_);
  postings_.clear();
  return index;
}

}  // namespace blogarchive::search
