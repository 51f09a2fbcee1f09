#include "search/language_guess.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/text.hpp"
#include "search/analyzer.hpp"

namespace blogarchive::search {
namespace {

// A language counts when this share of the words are its function words (in running
// text they are 20–40 %), and clearly more than the next language's.
constexpr double kMinShare = 0.08;
constexpr double kMinLead = 1.3;
constexpr std::size_t kMinWords = 100;
constexpr double kMinScriptShare = 0.3;

}  // namespace

void LanguageGuesser::add(std::string_view text) {
  if (bytes_ >= kMaxBytes) {
    return;
  }
  text = text.substr(0, kMaxBytes - bytes_);
  bytes_ += text.size();
  std::string word;
  bool in_tag = false;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
      continue;
    }
    if (in_tag || c < 0) {
      continue;
    }
    if (u_isalpha(c) || c == '\'') {
      if (u_isalpha(c)) {
        ++letters_;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        han_ += script == USCRIPT_HAN ? 1 : 0;
        kana_ += script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ? 1 : 0;
        hangul_ += script == USCRIPT_HANGUL ? 1 : 0;
      }
      char buffer[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buffer, length, u_tolower(c));
      word.append(buffer, static_cast<std::size_t>(length));
    } else if (!word.empty()) {
      add_word(word);
      word.clear();
    }
  }
  if (!word.empty()) {
    add_word(word);
  }
}

void LanguageGuesser::add_word(const std::string& word) {
  ++words_;
  for (std::size_t language = 0; language < hits_.size(); ++language) {
    if (stop_words(static_cast<Language>(language)).contains(word)) {
      ++hits_[language];
    }
  }
}

LanguageGuesser::Guess LanguageGuesser::guess() const {
  if (letters_ > 0) {
    const double cjk = static_cast<double>(han_ + kana_ + hangul_) / static_cast<double>(letters_);
    if (cjk >= kMinScriptShare) {
      const char* code = hangul_ > han_ ? "ko" : kana_ * 10 > han_ ? "ja" : "zh";
      return {code, cjk, words_};
    }
  }
  if (words_ < kMinWords) {
    return {{}, 0, words_};
  }
  std::size_t best = 0;
  for (std::size_t language = 1; language < hits_.size(); ++language) {
    best = hits_[language] > hits_[best] ? language : best;
  }
  std::size_t runner_up = 0;
  for (std::size_t language = 0; language < hits_.size(); ++language) {
    if (language != best) {
      runner_up = std::max(runner_up, hits_[language]);
    }
  }
  const double share = static_cast<double>(hits_[best]) / static_cast<double>(words_);
  const bool clear = share >= kMinShare &&
                     static_cast<double>(hits_[best]) >= kMinLead * static_cast<double>(runner_up);
  return {clear ? std::string(language_code(static_cast<Language>(best))) : std::string(), share,
          words_};
}

}  // namespace blogarchive::search
