// Runs tests/search/analysis.cases: the analysis the index and the browser share.
#include "search/analyzer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/text.hpp"
#include "search/compounds.hpp"
#include "test_paths.hpp"

namespace blogarchive::search {
namespace {

struct Case {
  std::string name;
  std::string input;
  std::string expected;
};

std::vector<Case> load_cases() {
  std::ifstream in(testing::source_dir() / "tests" / "search" / "analysis.cases");
  std::vector<Case> cases;
  bool in_expected = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("### ")) {
      cases.push_back({line.substr(4), "", ""});
      in_expected = false;
    } else if (cases.empty() || line.starts_with("#")) {
      continue;
    } else if (line == "---") {
      in_expected = true;
    } else if (!line.empty()) {
      (in_expected ? cases.back().expected : cases.back().input) += line;
    }
  }
  return cases;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::string run(const Case& c) {
  const auto colon = c.input.find(": ");
  const std::string kind = c.input.substr(0, colon);
  const std::string rest = c.input.substr(colon + 2);
  if (kind == "compounds") {
    const auto bar = rest.find(" | ");
    std::unordered_set<std::string> vocabulary;
    const std::string words = rest.substr(0, bar);
    for (const auto word : core::split(words, ' ')) {
      vocabulary.emplace(word);
    }
    return join(CompoundSplitter(std::move(vocabulary)).parts(rest.substr(bar + 3)));
  }
  const Analyzer analyzer(language_of(kind));
  return join(analyzer.terms(rest));
}

}  // namespace

TEST(SearchAnalysis, EveryCaseGivesItsTerms) {
  const auto cases = load_cases();
  ASSERT_GE(cases.size(), 10u);
  for (const auto& c : cases) {
    EXPECT_EQ(run(c), c.expected) << c.name;
  }
}

TEST(SearchAnalysis, WordSpansPointIntoTheText) {
  const std::string text = "Grüße aus Köln – „Straßenbahn“!";
  std::vector<std::string> words;
  for (const auto& span : word_spans(text)) {
    words.push_back(text.substr(span.begin, span.end - span.begin));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Grüße", "aus", "Köln", "Straßenbahn"}));
}

}  // namespace blogarchive::search
