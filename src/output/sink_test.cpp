#include "output/sink.hpp"

#include <gtest/gtest.h>

#include "test_paths.hpp"

namespace blogarchive::output {

TEST(DiskSink, ReplacesTheTargetOnlyOnCommit) {
  const auto dir = testing::fresh_temp_dir("disk-sink");
  const auto target = dir / "site";
  {
    DiskSink first(target);
    first.write("index.html", "alt");
    first.commit();
  }
  {
    DiskSink second(target);
    second.write("index.html", "neu");
    second.write("a/b/c.html", "tief");
    // Not committed: the old site must stay as it was.
  }
  EXPECT_EQ(testing::read_file(target / "index.html"), "alt");
  EXPECT_FALSE(std::filesystem::exists(target / "a"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u);  // no staging directory left behind
  {
    DiskSink third(target);
    third.write("index.html", "neu");
    third.commit();
  }
  EXPECT_EQ(testing::read_file(target / "index.html"), "neu");
}

}  // namespace blogarchive::output
