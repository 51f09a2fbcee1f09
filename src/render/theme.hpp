#pragma once
#include <filesystem>
#include <map>
#include <string>

namespace blogarchive::render {

/// Templates, message catalogs and static files: the built-in theme, with any file of
/// the same relative path in `override_dir` taking its place.
class Theme {
 public:
  static Theme load(const std::filesystem::path& override_dir);

  /// The file's text; throws InputError when the theme has no such file.
  const std::string& file(const std::string& relative_path) const;
  /// Every file under static/, by path relative to static/.
  std::map<std::string, std::string> static_files() const;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace blogarchive::render
