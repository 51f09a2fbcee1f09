#include "search/query.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace blogarchive::search {
namespace {

constexpr double kPrefixWeight = 0.5;

// What a query word is matched by: its folded form, and whether it is still being typed.
struct QueryWord {
  std::string folded;
  bool prefix = false;
};

struct ParsedQuery {
  std::vector<QueryWord> words;
  std::vector<std::vector<std::string>> phrases;  ///< folded words, stop words included
};

std::string straight_quotes(std::string_view query) {
  std::string out;
  out.reserve(query.size());
  for (std::size_t at = 0; at < query.size();) {
    const std::string_view rest = query.substr(at);
    if (rest.starts_with("\xE2\x80\x9E") || rest.starts_with("\xE2\x80\x9C") ||
        rest.starts_with("\xE2\x80\x9D")) {
      out += '"';  // „ “ ”
      at += 3;
    } else {
      out += query[at++];
    }
  }
  return out;
}

ParsedQuery parse(std::string_view raw, const Analyzer& analyzer, bool prefix_last) {
  const std::string query = straight_quotes(raw);
  ParsedQuery parsed;
  std::size_t segment = 0;
  std::size_t start = 0;
  bool last_was_plain_word = false;
  for (std::size_t end = 0; end <= query.size(); ++end) {
    if (end < query.size() && query[end] != '"') {
      continue;
    }
    const std::string_view part = std::string_view(query).substr(start, end - start);
    const bool phrase = segment % 2 == 1;
    std::vector<std::string> folded;
    for (const auto& word : words_of(part)) {
      folded.push_back(fold(word, analyzer.language()));
    }
    for (const auto& word : folded) {
      parsed.words.push_back({word, false});
    }
    last_was_plain_word = !phrase && !folded.empty();
    if (phrase && !folded.empty()) {
      parsed.phrases.push_back(std::move(folded));
    }
    start = end + 1;
    ++segment;
  }
  const bool still_typing =
      !query.empty() && query.back() != '"' && query.back() != ' ' && query.back() != '\t';
  if (prefix_last && still_typing && last_was_plain_word) {
    parsed.words.back().prefix = true;
  }
  // Stop words find nothing (they are not indexed) unless they may begin a longer word.
  std::erase_if(parsed.words, [&](const QueryWord& word) {
    return !word.prefix && analyzer.is_stop_word(word.folded);
  });
  return parsed;
}

// How a typed beginning compares with stems: German stems have no umlauts and "ss".
std::string prefix_key(const std::string& folded, Language language) {
  if (language != Language::German) {
    return folded;
  }
  std::string key;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const std::string_view rest = std::string_view(folded).substr(i);
    if (rest.starts_with("\xC3\xA4") || rest.starts_with("\xC3\xB6") ||
        rest.starts_with("\xC3\xBC")) {
      key += rest[1] == '\xA4' ? 'a' : rest[1] == '\xB6' ? 'o' : 'u';
      ++i;
    } else if (rest.starts_with("\xC3\x9F")) {
      key += "ss";
      ++i;
    } else {
      key += folded[i];
    }
  }
  return key;
}

// The terms (index, weight) a query word matches.
std::vector<std::pair<std::size_t, double>> terms_of(const QueryWord& word,
                                                     const SearchIndex& index,
                                                     const Analyzer& analyzer) {
  std::vector<std::pair<std::size_t, double>> terms;
  std::size_t exact = index.terms.size();
  if (!analyzer.is_stop_word(word.folded)) {
    const std::string stem = analyzer.stem(word.folded);
    const auto it = std::lower_bound(index.terms.begin(), index.terms.end(), stem);
    if (it != index.terms.end() && *it == stem) {
      exact = static_cast<std::size_t>(it - index.terms.begin());
      terms.emplace_back(exact, 1.0);
    }
  }
  const std::string key = prefix_key(word.folded, analyzer.language());
  if (word.prefix && key.size() >= 2) {
    const auto [first, last] = index.prefix_range(key);
    std::vector<std::size_t> found;
    for (std::size_t t = first; t < last; ++t) {
      if (t != exact) {
        found.push_back(t);
      }
    }
    // The most frequent first: they are what the word most likely becomes.
    std::stable_sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
      return index.postings[a].size() > index.postings[b].size();
    });
    found.resize(std::min(found.size(), kPrefixExpansions));
    for (const std::size_t t : found) {
      terms.emplace_back(t, kPrefixWeight);
    }
  }
  return terms;
}

std::vector<std::string> folded_words(std::string_view text, Language language) {
  std::vector<std::string> words;
  for (const auto& word : words_of(text)) {
    words.push_back(fold(word, language));
  }
  return words;
}

bool contains_phrase(const std::vector<std::string>& words,
                     const std::vector<std::string>& phrase) {
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

}  // namespace

SearchResults run_query(const SearchIndex& index, const Analyzer& analyzer, std::string_view query,
                        const QueryOptions& options) {
  SearchResults results;
  const ParsedQuery parsed = parse(query, analyzer, options.prefix_last);
  std::set<std::string> seen;
  struct Match {
    std::size_t groups = 0;
    double score = 0;
  };
  std::unordered_map<std::uint32_t, Match> matches;
  std::size_t groups = 0;
  for (const auto& word : parsed.words) {
    if (!seen.insert(word.folded + (word.prefix ? "*" : "")).second) {
      continue;
    }
    ++groups;
    std::unordered_map<std::uint32_t, double> best;
    for (const auto& [term, weight] : terms_of(word, index, analyzer)) {
      for (const auto& posting : index.postings[term]) {
        double& value = best[posting.doc];
        value = std::max(value, posting.impact * weight);
      }
    }
    for (const auto& [doc, value] : best) {
      Match& match = matches[doc];
      ++match.groups;
      match.score += value;
    }
  }
  if (groups == 0) {
    return results;
  }
  std::vector<SearchHit> hits;
  for (const auto& [doc, match] : matches) {
    if (match.groups == groups) {
      hits.push_back({doc, match.score});
    }
  }
  if (hits.empty() && groups > 1) {
    results.partial = true;
    for (const auto& [doc, match] : matches) {
      hits.push_back({doc, match.score});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.doc < b.doc;
  });
  if (!parsed.phrases.empty()) {
    std::vector<SearchHit> verified;
    for (std::size_t i = 0; i < hits.size() && i < kPhraseCandidates; ++i) {
      const StoredDocument document = index.document(hits[i].doc);
      const auto words = folded_words(document.title + "\n" + document.text, index.language);
      if (std::all_of(parsed.phrases.begin(), parsed.phrases.end(),
                      [&](const auto& phrase) { return contains_phrase(words, phrase); })) {
        verified.push_back(hits[i]);
      }
    }
    hits = std::move(verified);
  }
  results.total = hits.size();
  hits.resize(std::min(hits.size(), options.limit));
  results.hits = std::move(hits);
  return results;
}

std::string snippet(const Analyzer& analyzer, std::string_view query, std::string_view text,
                    std::string_view open, std::string_view close, std::size_t words) {
  const ParsedQuery parsed = parse(query, analyzer, true);
  std::set<std::string> stems;
  std::vector<std::string> prefixes;
  for (const auto& word : parsed.words) {
    stems.insert(analyzer.stem(word.folded));
    if (word.prefix) {
      prefixes.push_back(prefix_key(word.folded, analyzer.language()));
    }
  }
  const auto spans = word_spans(text);
  std::vector<bool> matched(spans.size());
  std::size_t first = spans.size();
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::string folded =
        fold(text.substr(spans[i].begin, spans[i].end - spans[i].begin), analyzer.language());
    const std::string stem = analyzer.stem(folded);
    matched[i] = !analyzer.is_stop_word(folded) &&
                 (stems.contains(stem) ||
                  std::any_of(prefixes.begin(), prefixes.end(),
                              [&](const std::string& p) { return stem.starts_with(p); }));
    if (matched[i] && first == spans.size()) {
      first = i;
    }
  }
  if (spans.empty()) {
    return {};
  }
  const std::size_t begin = first == spans.size() || first < words / 3 ? 0 : first - words / 3;
  const std::size_t end = std::min(spans.size(), begin + words);
  std::string out = begin > 0 ? "… " : "";
  std::size_t at = spans[begin].begin;
  for (std::size_t i = begin; i < end; ++i) {
    out.append(text.substr(at, spans[i].begin - at));
    const std::string_view word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
    if (matched[i]) {
      out.append(open).append(word).append(close);
    } else {
      out.append(word);
    }
    at = spans[i].end;
  }
  if (end < spans.size()) {
    out += " …";
  }
  return out;
}

}  // namespace blogarchive::search
