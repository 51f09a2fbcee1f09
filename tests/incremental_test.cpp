// Rebuilds: the output is the same whatever the number of threads and whether content
// came from the render cache, and a rebuild rewrites only the files whose bytes change.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <fstream>
#include <map>
#include <set>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

const std::filesystem::path kSample = source_dir() / "examples" / "werkstattblog.wordpress.xml";
const std::filesystem::path kConfig = source_dir() / "examples" / "archive.toml";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

void import(const std::filesystem::path& file, const std::filesystem::path& store) {
  const auto run = run_cli({"import", file.string(), "--store", store.string()});
  ASSERT_EQ(run.exit_code, 0) << run.output;
}

void build(const std::filesystem::path& store, const std::filesystem::path& out,
           const Arguments& flags = {}) {
  const auto run = run_cli(
      Arguments{"build", "--store", store, "--config", kConfig, "--out", out, "--quiet"} + flags);
  ASSERT_EQ(run.exit_code, 0) << run.output;
}

// Sets every file's modification time to 1 January 2000, so that a rewrite shows.
void age_tree(const std::filesystem::path& root) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      const utimbuf old{946684800, 946684800};
      ASSERT_EQ(::utime(entry.path().c_str(), &old), 0);
    }
  }
}

std::set<std::string> rewritten_files(const std::filesystem::path& root) {
  std::set<std::string> rewritten;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    struct stat info {};
    if (entry.is_regular_file() && ::stat(entry.path().c_str(), &info) == 0 &&
        info.st_mtime != 946684800) {
      rewritten.insert(entry.path().lexically_relative(root).generic_string());
    }
  }
  return rewritten;
}

}  // namespace

TEST(Rebuild, OutputIsTheSameForAnyNumberOfThreadsWithAndWithoutTheRenderCache) {
  const auto dir = fresh_temp_dir("threads");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "one", {"--jobs", "1", "--no-render-cache"});
  const auto reference = read_tree(dir / "one");
  ASSERT_GT(reference.size(), 40u);
  build(dir / "blog.db", dir / "cold", {"--jobs", "3"});  // fills the render cache
  ASSERT_TRUE(std::filesystem::exists(dir / "blog.db-render-cache"));
  ASSERT_TRUE(std::filesystem::exists(dir / "blog.db-search-cache"));
  build(dir / "blog.db", dir / "warm",
        {"--jobs", "7"});  // takes every body and the whole index from them
  build(dir / "blog.db", dir / "two", {"--jobs", "2"});
  EXPECT_EQ(read_tree(dir / "cold"), reference);
  EXPECT_EQ(read_tree(dir / "warm"), reference);
  EXPECT_EQ(read_tree(dir / "two"), reference);
}

TEST(Rebuild, RewritesOnlyTheFilesWhoseBytesChange) {
  const auto dir = fresh_temp_dir("incremental");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "site");
  age_tree(dir / "site");
  build(dir / "blog.db", dir / "site");
  EXPECT_TRUE(rewritten_files(dir / "site").empty()) << "nothing changed, yet files were rewritten";

  const auto before = read_tree(dir / "site");
  std::ofstream(dir / "changed.xml") << replaced(
      read_file(kSample), "Ich arbeite jetzt morgens früh.", "Ich arbeite jetzt morgens um sechs.");
  import(dir / "changed.xml", dir / "blog.db");
  build(dir / "blog.db", dir / "site");
  const auto after = read_tree(dir / "site");
  std::set<std::string> differing;
  for (const auto& [path, bytes] : after) {
    if (before.count(path) == 0 || before.at(path) != bytes) {
      differing.insert(path);
    }
  }
  EXPECT_TRUE(differing.count("2009/07/sommer-in-der-werkstatt/index.html") > 0);
  EXPECT_LT(differing.size(), 12u) << "one changed post should touch a few files";
  EXPECT_EQ(rewritten_files(dir / "site"), differing);
}

// Search index files differ from the reference where their content differs.
std::map<std::string, std::string> search_files(const std::filesystem::path& site) {
  std::map<std::string, std::string> files;
  for (const auto& [path, bytes] : read_tree(site)) {
    if (path.starts_with("search/")) {
      files.emplace(path, bytes);
    }
  }
  return files;
}

TEST(Rebuild, TheSearchIndexOfOneChangedPostMatchesOneMadeWithoutCaches) {
  const auto dir = fresh_temp_dir("search-cache");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "before");  // analyses every post into the search cache
  std::ofstream(dir / "changed.xml")
      << replaced(read_file(kSample), "Ich arbeite jetzt morgens früh.",
                  "Ich arbeite jetzt morgens mit Zwetschgenkuchen.");
  import(dir / "changed.xml", dir / "blog.db");
  build(dir / "blog.db", dir / "cached");  // analyses one post, takes the others from the cache
  build(dir / "blog.db", dir / "reference", {"--no-render-cache"});
  const auto cached = search_files(dir / "cached");
  ASSERT_GT(cached.size(), 3u);
  EXPECT_EQ(cached, search_files(dir / "reference"));
  EXPECT_NE(cached, search_files(dir / "before"));
  const auto found = run_cli({"search", "Zwetschgenkuchen", "--store", (dir / "blog.db").string(),
                              "--config", kConfig.string()});
  EXPECT_NE(found.output.find("sommer-in-der-werkstatt"), std::string::npos) << found.output;
}

TEST(Rebuild, AnUnusableSearchCacheOnlyCostsTime) {
  const auto dir = fresh_temp_dir("search-cache-unusable");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "reference", {"--no-render-cache"});
  std::filesystem::create_directories(dir / "blog.db-search-cache" / "not-a-cache");
  const auto run = run_cli({"build", "--store", (dir / "blog.db").string(), "--config",
                            kConfig.string(), "--out", (dir / "site").string(), "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("the search cache cannot be used"), std::string::npos) << run.output;
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "reference"));
}

TEST(Rebuild, CachedContentDropsALinkToAPostThatIsNoLongerPublic) {
  const auto dir = fresh_temp_dir("cache-links");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "site");
  const std::string link = "href=\"/2006/03/erste-schritte-in-der-werkstatt/\">ersten Artikel</a>";
  ASSERT_NE(read_file(dir / "site" / "2007/03/hobelbank-fertig/index.html").find(link),
            std::string::npos);

  // Post 101 becomes a draft; post 104, which links to it, is unchanged in the export.
  std::string text = read_file(kSample);
  const auto item = text.find("<wp:post_id>101</wp:post_id>");
  const auto status = text.find("<wp:status>publish</wp:status>", item);
  text.replace(status, 30, "<wp:status>draft</wp:status>");
  std::ofstream(dir / "draft.xml") << text;
  import(dir / "draft.xml", dir / "blog.db");
  build(dir / "blog.db", dir / "site");
  const std::string page = read_file(dir / "site" / "2007/03/hobelbank-fertig/index.html");
  EXPECT_EQ(page.find("erste-schritte-in-der-werkstatt"), std::string::npos);
  EXPECT_NE(page.find("ersten Artikel"), std::string::npos);
}

TEST(Rebuild, PrecompressWritesGzipAndBrotliBesideEveryLargerTextFile) {
  const auto dir = fresh_temp_dir("precompress");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "site", {"--precompress=gzip,brotli"});
  const auto files = read_tree(dir / "site");
  int text_files = 0;
  for (const auto& [path, bytes] : files) {
    const bool text = path.ends_with(".html") || path.ends_with(".xml") || path.ends_with(".css") ||
                      path.ends_with(".js") || path.ends_with(".txt");
    if (!text || bytes.size() < 512) {
      continue;
    }
    ++text_files;
    ASSERT_TRUE(files.count(path + ".gz") > 0) << path;
    ASSERT_TRUE(files.count(path + ".br") > 0) << path;
    EXPECT_LT(files.at(path + ".gz").size(), bytes.size()) << path;
    EXPECT_EQ(files.at(path + ".gz").substr(0, 2), "\x1f\x8b") << path;  // gzip magic
  }
  EXPECT_GT(text_files, 30);
  EXPECT_EQ(files.count("robots.txt.gz"), 0u);  // too small to be worth it
}

TEST(Rebuild, AnUnusableRenderCacheOnlyCostsTime) {
  const auto dir = fresh_temp_dir("cache-unusable");
  import(kSample, dir / "blog.db");
  build(dir / "blog.db", dir / "reference", {"--no-render-cache"});
  // Something that is not a cache file stands where the cache would go.
  std::filesystem::create_directories(dir / "blog.db-render-cache" / "not-a-cache");
  const auto run = run_cli({"build", "--store", (dir / "blog.db").string(), "--config",
                            kConfig.string(), "--out", (dir / "site").string(), "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("the render cache cannot be used"), std::string::npos) << run.output;
  EXPECT_EQ(read_tree(dir / "site"), read_tree(dir / "reference"));
}

}  // namespace blogarchive::testing
