#pragma once
// The library's entry points: each runs one whole command and throws a
// blogarchive::Error subclass when the command cannot complete.
#include <iosfwd>

#include "blogarchive/options.hpp"

namespace blogarchive {

/// The version string printed by --version.
const char* version();

/// Summary of what a command did, for the final report line.
struct CommandResult {
  int warning_count = 0;
  int exit_code = 0;  ///< besides errors (which throw): 1 when `check` found problems
};

/// Reads each export into the store, one transaction per file: a file that fails
/// leaves the store exactly as it was. Writes the import report to `report`.
CommandResult import_exports(const ImportOptions& options, std::ostream& report);

/// Generates the site from the store into options.out_dir, atomically: the new tree is
/// written beside out_dir and swapped in only when complete.
CommandResult build_site(const BuildOptions& options, std::ostream& report);

/// Builds the archive's search index in memory (as `build` writes it) and prints the
/// ranked results of one query: the browser's search, in a terminal.
CommandResult search_archive(const SearchOptions& options, std::ostream& out);

/// Writes what ExportOptions asks for; each file appears complete or not at all.
CommandResult export_archive(const ExportOptions& options, std::ostream& report);

/// Checks a built site: every internal link and resource resolves, every old URL of the
/// store answers (page or redirect); external links are counted per domain. Prints the
/// report; exit_code 1 when anything is broken.
CommandResult check_site(const CheckOptions& options, std::ostream& report);

/// Writes a copy of the default theme (templates, messages, stylesheet, scripts) into
/// options.dir, to be customised and named as theme_dir; refuses a folder that exists
/// with files in it.
CommandResult init_theme(const ThemeInitOptions& options, std::ostream& report);

/// Serves a built site until the process is interrupted.
void serve_site(const ServeOptions& options, std::ostream& log);

}  // namespace blogarchive
