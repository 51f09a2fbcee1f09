#include "core/files.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "test_paths.hpp"

namespace blogarchive::core {
namespace {

void touch(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << file.filename().string();
}

// A site's shape: files at the top, in folders, in folders of folders, four levels deep,
// an empty folder, a hard link and a symbolic link to a folder outside the tree.
std::filesystem::path site_tree(const std::filesystem::path& dir,
                                const std::filesystem::path& outside) {
  auto site = dir / "site";
  touch(site / "index.html");
  touch(site / "2010" / "index.html");
  for (int month = 1; month <= 12; ++month) {
    for (int article = 1; article <= 5; ++article) {
      touch(site / "2010" / std::to_string(month) / ("beitrag-" + std::to_string(article)) /
            "index.html");
    }
  }
  touch(site / "category" / "reisen" / "page" / "2" / "index.html");
  std::filesystem::create_directories(site / "assets" / "leer");
  std::filesystem::create_hard_link(site / "index.html", site / "assets" / "verknuepft.html");
  touch(outside / "bleibt.txt");
  std::filesystem::create_directory_symlink(outside, site / "2010" / "3" / "nach-draussen");
  return site;
}

TEST(RemoveTree, RemovesEveryLevelButNeverFollowsALink) {
  for (const int jobs : {1, 2}) {
    const auto dir = testing::fresh_temp_dir("remove-tree-" + std::to_string(jobs));
    const auto site = site_tree(dir, dir / "outside");
    EXPECT_FALSE(remove_tree(site, jobs)) << jobs;
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(site))) << jobs;
    EXPECT_TRUE(std::filesystem::exists(dir / "outside" / "bleibt.txt")) << jobs;
  }
}

TEST(RemoveTree, TakesAFileOrNothingToo) {
  const auto dir = testing::fresh_temp_dir("remove-tree-file");
  touch(dir / "datei.txt");
  EXPECT_FALSE(remove_tree(dir / "datei.txt", 2));
  EXPECT_FALSE(std::filesystem::exists(dir / "datei.txt"));
  EXPECT_FALSE(remove_tree(dir / "gibt-es-nicht", 2));
}

// What remove_tree says when run by a user who may not remove `site`'s files: as root
// (which may remove anything), in a child process that has become "nobody".
std::error_code remove_tree_as_someone_else(const std::filesystem::path& site) {
  if (::geteuid() != 0) {
    std::filesystem::permissions(site / "2010" / "1" / "a", std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::remove);
    const std::error_code error = remove_tree(site, 2);
    std::filesystem::permissions(site / "2010" / "1" / "a", std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    return error;
  }
  const pid_t child = ::fork();
  if (child == 0) {
    constexpr uid_t kNobody = 65534;
    if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
      ::_exit(2);
    }
    ::_exit(remove_tree(site, 2) == std::errc::permission_denied ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0
             ? std::make_error_code(std::errc::permission_denied)
             : std::error_code(WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                               std::generic_category());
}

TEST(RemoveTree, SaysWhatItCouldNotRemoveAndLeavesIt) {
  const auto dir = testing::fresh_temp_dir("remove-tree-locked");
  touch(dir / "site" / "2010" / "1" / "a" / "index.html");
  touch(dir / "site" / "2010" / "2" / "b" / "index.html");
  EXPECT_EQ(remove_tree_as_someone_else(dir / "site"), std::errc::permission_denied);
  EXPECT_TRUE(std::filesystem::exists(dir / "site" / "2010" / "1" / "a" / "index.html"));
}

}  // namespace
}  // namespace blogarchive::core
