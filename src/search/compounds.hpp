#pragma once
// German compounds: "Straßenbahn" should be found by "Bahn", "Werkstattblog" by "Blog".
// The splitter works on stems, against the archive's own vocabulary: a compound is cut
// into parts that occur in the archive as words of their own, with the linking letters
// German puts between them (Fugen: -s-, -es-, -n-, -en-, -e-, -er-, -ens-). When no
// complete split exists, a head of at least four letters after a modifier of at least
// five still counts ("strassen|bahn" when only "bahn" is a word of the archive).
// Limits: a part must appear on its own somewhere in the archive; short modifiers
// (< 4 letters: "Erd-beere") are not split off, to avoid cutting "Ver-bindung".
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace blogarchive::search {

class CompoundSplitter {
 public:
  /// `vocabulary`: the stems that occur as words in the archive (not stop words).
  explicit CompoundSplitter(std::unordered_set<std::string> vocabulary);
  /// The same over views of stems the caller keeps alive as long as the splitter: a
  /// large archive's vocabulary is not copied.
  explicit CompoundSplitter(std::unordered_set<std::string_view> vocabulary);

  /// The parts of a compound stem ("werkstattblog" → werkstatt, blog); empty when it
  /// is not one.
  std::vector<std::string> parts(std::string_view stem) const;

 private:
  std::unordered_set<std::string> words_;
  std::unordered_set<std::string_view> vocabulary_;  ///< views of words_: probes need no copies
};

}  // namespace blogarchive::search
