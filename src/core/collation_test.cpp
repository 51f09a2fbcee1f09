#include "core/collation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace blogarchive::core {
namespace {

std::vector<std::string> sorted(std::vector<std::string> names, std::string_view language) {
  const Collation collation(language);
  std::sort(names.begin(), names.end(),
            [&](const std::string& a, const std::string& b) { return collation.less(a, b); });
  return names;
}

TEST(Collation, SortsUmlautsAndCapitalsAsReadersExpect) {
  EXPECT_EQ(sorted({"Zinken", "Ölfarbe", "abrichten", "Äxte", "Leim", "Axt"}, "de"),
            (std::vector<std::string>{"abrichten", "Axt", "Äxte", "Leim", "Ölfarbe", "Zinken"}));
  // Swedish puts å, ä and ö after z.
  EXPECT_EQ(sorted({"ört", "ost", "zebra"}, "sv"),
            (std::vector<std::string>{"ost", "zebra", "ört"}));
}

TEST(Collation, IsTotalForNamesThatCompareEqual) {
  const Collation collation("en");
  // Only a difference ICU ignores at its default strength; the bytes decide.
  const std::string composed = "\xC3\xA9";     // é
  const std::string decomposed = "e\xCC\x81";  // e + combining acute
  EXPECT_NE(collation.less(composed, decomposed), collation.less(decomposed, composed));
  EXPECT_FALSE(collation.less("Leim", "Leim"));
}

}  // namespace
}  // namespace blogarchive::core
