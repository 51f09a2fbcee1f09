#include <fmt/format.h>

#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "output/sink.hpp"
#include "render/embedded_theme.hpp"

namespace blogarchive {

CommandResult init_theme(const ThemeInitOptions& options, std::ostream& report) {
  const auto& dir = options.dir;
  std::error_code error;
  // A theme being customised is the user's work: never written over.
  if (std::filesystem::exists(dir, error) &&
      (!std::filesystem::is_directory(dir, error) || !std::filesystem::is_empty(dir, error))) {
    throw InputError(fmt::format(
        "'{}' already exists and is not an empty folder; name a new folder for the theme",
        dir.string()));
  }
  // Written beside the folder and moved in when complete, as a build writes a site.
  output::DiskSink sink(dir);
  for (const auto& [path, bytes] : render::embedded_theme_files()) {
    sink.write(path, bytes);
  }
  sink.commit();
  report << fmt::format(
      "wrote the default theme ({} files) to {}\n"
      "  to use it: theme_dir = \"{}\" in archive.toml; every file left out falls back to the "
      "default\n"
      "  what each template is given and the CSS custom properties: docs/themes.md\n",
      sink.file_count(), dir.string(), dir.string());
  return {};
}

}  // namespace blogarchive
