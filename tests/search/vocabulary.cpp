// Prints what the C++ analysis makes of every distinct word in some files, as JSON:
// {"stopWords": [...], "pairs": [[folded word, stem], ...]}. analysis.test.mjs checks
// the browser's analysis against it word for word.
//   blogarchive_search_vocabulary LANGUAGE FILE...
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "core/text.hpp"
#include "search/analyzer.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: blogarchive_search_vocabulary LANGUAGE FILE...\n";
    return 2;
  }
  using namespace blogarchive;
  const search::Analyzer analyzer(search::language_of(argv[1]));
  std::set<std::string> words;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string content =
        core::is_valid_utf8(text.str()) ? text.str() : core::repair_utf8(text.str());
    for (const auto& word : search::words_of(content)) {
      words.insert(search::fold(word, analyzer.language()));
    }
  }
  std::cout << "{\"stopWords\":[";
  bool comma = false;
  for (const auto& word : search::stop_words(analyzer.language())) {
    std::cout << (comma ? "," : "") << core::json_string(word);
    comma = true;
  }
  std::cout << "],\"pairs\":[";
  comma = false;
  for (const auto& word : words) {
    std::cout << (comma ? ",\n" : "") << "[" << core::json_string(word) << ","
              << core::json_string(analyzer.stem(word)) << "]";
    comma = true;
  }
  std::cout << "]}\n";
}
