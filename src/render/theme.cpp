#include "render/theme.hpp"

#include <fmt/format.h>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "render/embedded_theme.hpp"

namespace blogarchive::render {

Theme Theme::load(const std::filesystem::path& override_dir) {
  Theme theme;
  for (const auto& [path, bytes] : embedded_theme_files()) {
    theme.files_[path] = std::string(bytes);
  }
  if (override_dir.empty()) {
    return theme;
  }
  if (!std::filesystem::is_directory(override_dir)) {
    throw InputError(fmt::format("theme_dir '{}' is not a directory", override_dir.string()));
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(override_dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    theme.files_[entry.path().lexically_relative(override_dir).generic_string()] =
        core::read_file(entry.path()).value_or(std::string());
  }
  return theme;
}

const std::string& Theme::file(const std::string& relative_path) const {
  const auto found = files_.find(relative_path);
  if (found == files_.end()) {
    throw InputError(fmt::format("the theme has no file '{}'", relative_path));
  }
  return found->second;
}

std::map<std::string, std::string> Theme::static_files() const {
  std::map<std::string, std::string> files;
  for (const auto& [path, text] : files_) {
    if (path.rfind("static/", 0) == 0) {
      files[path.substr(7)] = text;
    }
  }
  return files;
}

}  // namespace blogarchive::render
