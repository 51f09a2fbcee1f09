#pragma once
// Which language a blog is written in, from its published text: exports often declare
// "en" (WordPress's default) for a Portuguese or Chinese blog. The most frequent
// function words of each language the archive knows (the search's stop words) decide;
// Chinese, Japanese and Korean are told by their scripts.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace blogarchive::search {

class LanguageGuesser {
 public:
  /// Adds text (HTML tags are skipped). Reads at most the first kMaxBytes of all text
  /// added: enough to tell, and import stays fast.
  void add(std::string_view text);

  struct Guess {
    std::string code;  ///< "de", "en", …, "zh", "ja", "ko"; empty when the text does not tell
    double share = 0;  ///< of words that are the language's function words (of letters, for CJK)
    std::size_t words = 0;
  };
  Guess guess() const;

  static constexpr std::size_t kMaxBytes = std::size_t{4} * 1024 * 1024;

 private:
  void add_word(const std::string& word);

  std::size_t bytes_ = 0;
  std::size_t words_ = 0;
  std::array<std::size_t, 10> hits_{};  ///< by search::Language
  std::size_t letters_ = 0;             ///< code points that are letters, for the scripts
  std::size_t han_ = 0;
  std::size_t kana_ = 0;
  std::size_t hangul_ = 0;
};

}  // namespace blogarchive::search
