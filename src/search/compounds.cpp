#include "search/compounds.hpp"

#include <map>
#include <optional>

namespace blogarchive::search {
namespace {

constexpr std::size_t kMinCompound = 7;
constexpr std::size_t kMaxCompound = 64;
constexpr std::size_t kMinHead = 3;      // "hof" in "bahnhof"
constexpr std::size_t kMinModifier = 4;  // "ver" in "verbindung" is no word
constexpr std::size_t kMinUnknownModifier = 5;
constexpr std::string_view kLinks[] = {"", "s", "es", "n", "en", "e", "er", "ens"};

bool is_boundary(std::string_view text, std::size_t at) {
  return at == 0 || at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

class Split {
 public:
  Split(std::string_view word, const std::unordered_set<std::string_view>& vocabulary)
      : word_(word), vocabulary_(vocabulary) {}

  // The split of word_[from..] into the fewest known parts; nullopt when there is none.
  std::optional<std::vector<std::string>> from(std::size_t from) {
    if (from == word_.size()) {
      return std::vector<std::string>{};
    }
    if (const auto known = memo_.find(from); known != memo_.end()) {
      return known->second;
    }
    std::optional<std::vector<std::string>> best;
    for (std::size_t end = word_.size(); end > from; --end) {
      const std::size_t length = end - from;
      const bool head = end == word_.size();
      if ((from == 0 && head) || length < (head ? kMinHead : kMinModifier) ||
          !is_boundary(word_, end) || !vocabulary_.contains(word_.substr(from, length))) {
        continue;
      }
      for (const auto link : kLinks) {
        if (head && !link.empty()) {
          break;
        }
        if (word_.substr(end, link.size()) != link ||
            (!head && end + link.size() >= word_.size())) {
          continue;
        }
        if (auto rest = this->from(end + link.size())) {
          if (!best || rest->size() + 1 < best->size()) {
            rest->insert(rest->begin(), std::string(word_.substr(from, length)));
            best = std::move(rest);
          }
        }
      }
    }
    memo_[from] = best;
    return best;
  }

 private:
  std::string_view word_;
  const std::unordered_set<std::string_view>& vocabulary_;
  std::map<std::size_t, std::optional<std::vector<std::string>>> memo_;
};

}  // namespace

CompoundSplitter::CompoundSplitter(std::unordered_set<std::string> vocabulary)
    : words_(std::move(vocabulary)) {
  vocabulary_.reserve(words_.size());
  for (const auto& word : words_) {
    vocabulary_.insert(word);
  }
}

CompoundSplitter::CompoundSplitter(std::unordered_set<std::string_view> vocabulary)
    : vocabulary_(std::move(vocabulary)) {}

std::vector<std::string> CompoundSplitter::parts(std::string_view stem) const {
  if (stem.size() < kMinCompound || stem.size() > kMaxCompound) {
    return {};
  }
  // Most words are no compound: without a known head there is nothing to split.
  bool has_head = false;
  for (std::size_t start = kMinModifier; !has_head && start + kMinHead <= stem.size(); ++start) {
    has_head = is_boundary(stem, start) && vocabulary_.contains(stem.substr(start));
  }
  if (!has_head) {
    return {};
  }
  if (auto split = Split(stem, vocabulary_).from(0); split && split->size() >= 2) {
    return *split;
  }
  // Only the head is a word of the archive: "strassen|bahn".
  for (std::size_t start = kMinUnknownModifier; start + kMinHead + 1 <= stem.size(); ++start) {
    const std::string_view head = stem.substr(start);
    if (is_boundary(stem, start) && head.size() >= kMinModifier && vocabulary_.contains(head)) {
      return {std::string(head)};
    }
  }
  return {};
}

}  // namespace blogarchive::search
