#include "core/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "core/parallel.hpp"

namespace blogarchive::core {
namespace {

// What a failed call left in errno, or nothing.
std::error_code errno_unless(bool done) {
  return done ? std::error_code() : std::error_code(errno, std::generic_category());
}

// The first error wins; later ones are not worth more than it.
void keep_first(std::error_code& first, std::error_code error) {
  if (!first && error) {
    first = error;
  }
}

bool is_directory(int parent, const dirent& entry) {
  if (entry.d_type != DT_UNKNOWN) {
    return entry.d_type == DT_DIR;
  }
  struct stat info {};
  return ::fstatat(parent, entry.d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode);
}

// The entries of the folder `name` in `parent` (its descriptor), without "." and "..".
// `visit(parent_fd, entry)` may remove the entry it is given.
template <typename Visit>
std::error_code for_each_entry(int parent, const char* name, Visit&& visit) {
  const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    return errno_unless(false);
  }
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    const std::error_code error = errno_unless(false);
    ::close(fd);
    return error;
  }
  std::error_code first;
  while (const dirent* entry = ::readdir(dir)) {
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
      keep_first(first, visit(::dirfd(dir), *entry));
    }
  }
  ::closedir(dir);
  return first;
}

// Removes the folder `name` in `parent` with everything in it. Each removal names its
// entry relative to its folder's descriptor: by full path, every one of a site's 20,000
// files and folders would be looked up from the root again.
std::error_code remove_folder(int parent, const char* name) {
  std::error_code first = for_each_entry(parent, name, [](int folder, const dirent& entry) {
    return is_directory(folder, entry) ? remove_folder(folder, entry.d_name)
                                       : errno_unless(::unlinkat(folder, entry.d_name, 0) == 0);
  });
  keep_first(first, errno_unless(::unlinkat(parent, name, AT_REMOVEDIR) == 0));
  return first;
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::error_code remove_tree(const std::filesystem::path& path, int jobs) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    return errno == ENOENT ? std::error_code() : errno_unless(false);
  }
  if (!S_ISDIR(info.st_mode)) {
    return errno_unless(::unlink(path.c_str()) == 0);
  }
  // The folders two levels down (a site's months, a category's pages) are shared out
  // to the threads; the files above them, and then the emptied folders, go here.
  std::error_code first;
  std::vector<std::string> shared;
  std::vector<std::string> upper;
  keep_first(first, for_each_entry(AT_FDCWD, path.c_str(), [&](int root, const dirent& top) {
               if (!is_directory(root, top)) {
                 return errno_unless(::unlinkat(root, top.d_name, 0) == 0);
               }
               upper.emplace_back(top.d_name);
               return for_each_entry(root, top.d_name, [&](int folder, const dirent& entry) {
                 if (is_directory(folder, entry)) {
                   shared.push_back(upper.back() + "/" + entry.d_name);
                   return std::error_code();
                 }
                 return errno_unless(::unlinkat(folder, entry.d_name, 0) == 0);
               });
             }));
  const int root = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (root < 0) {
    keep_first(first, errno_unless(false));
    return first;
  }
  std::mutex mutex;
  parallel_chunks(shared.size(), jobs, 1, [&](int, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::error_code error = remove_folder(root, shared[i].c_str());
      const std::lock_guard lock(mutex);
      keep_first(first, error);
    }
  });
  for (const auto& folder : upper) {
    keep_first(first, errno_unless(::unlinkat(root, folder.c_str(), AT_REMOVEDIR) == 0));
  }
  ::close(root);
  keep_first(first, errno_unless(::rmdir(path.c_str()) == 0));
  return first;
}

}  // namespace blogarchive::core
