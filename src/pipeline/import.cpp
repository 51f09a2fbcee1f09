#include <fmt/format.h>
#include <unistd.h>

#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <ostream>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "importers/importer.hpp"
#include "importers/wordpress/rest_records.hpp"
#include "pipeline/background_sink.hpp"
#include "pipeline/live_import.hpp"
#include "pipeline/media_import.hpp"
#include "pipeline/progress.hpp"
#include "search/language_guess.hpp"
#include "site/config.hpp"
#include "store/store.hpp"

namespace blogarchive {
namespace {

// Passes records on to the store and counts them for the import report.
class CountingSink : public blog::ImportSink {
 public:
  CountingSink(blog::ImportSink& next, pipeline::Progress& progress)
      : next_(next), progress_(progress) {}
  void site(const blog::SiteInfo& info) override {
    declared_language = info.language;
    next_.site(info);
  }
  void author(const blog::Author& author) override {
    ++authors;
    next_.author(author);
  }
  void term(const blog::Term& term) override {
    ++terms[term.taxonomy.name()];
    next_.term(term);
  }
  void post(const blog::Post& post) override {
    ++items[(post.type.name().empty() ? "(no type)" : post.type.name()) + "/" +
            (post.status.name().empty() ? "(no status)" : post.status.name()) +
            (post.has_password ? " (password-protected)" : "")];
    if (blog::is_published(post)) {
      ++published;
      language.add(post.title);
      language.add("\n");
      language.add(post.content);
      language.add("\n");
    }
    for (const auto& comment : post.comments) {
      ++comments[(comment.is_ping() ? comment.type : "comment") + " " +
                 (comment.is_approved()    ? "approved"
                  : comment.status.empty() ? "(no status)"
                                           : comment.status)];
    }
    next_.post(post);
    progress_.advance(1);
  }

  int authors = 0;
  int published = 0;
  std::string declared_language;
  search::LanguageGuesser language;  ///< which language the published text is in
  std::map<std::string, int> terms;
  std::map<std::string, int> items;
  std::map<std::string, int> comments;

 private:
  blog::ImportSink& next_;
  pipeline::Progress& progress_;
};

// Exports declare WordPress's default "en" for blogs in any language; the archive's texts
// and search should fit what the blog is written in (site::with_export_language).
void warn_if_language_differs(const std::string& declared,
                              const search::LanguageGuesser::Guess& guess,
                              const std::string& file_name, core::Diagnostics& diagnostics) {
  const std::string declared_code =
      core::to_lower_ascii(declared.substr(0, declared.find_first_of("-_")));
  if (guess.code.empty() || guess.code == declared_code) {
    return;
  }
  diagnostics.warn(
      file_name,
      fmt::format("the export declares the language \"{}\", but its published text reads as "
                  "\"{}\"; without a language in archive.toml the archive takes \"{}\"{}",
                  declared.empty() ? "(none)" : declared, guess.code, guess.code,
                  site::archive_language(guess.code).empty()
                      ? ", which it has no texts for, so English"
                      : ""));
}

void check_readable(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    throw InputError(fmt::format("cannot import '{}': no such file", file.string()));
  }
}

// A site folder needs a folder importer, an export file a file importer.
void check_kind(const std::filesystem::path& file, const importers::Importer& importer) {
  const bool folder = std::filesystem::is_directory(file);
  const bool reads_folders = importer.reads_folders();
  if (folder != reads_folders) {
    throw InputError(fmt::format("'{}' is a {}, but the {} format is read from a {}", file.string(),
                                 folder ? "folder" : "file", importer.name(),
                                 reads_folders ? "site folder" : "file"));
  }
}

void print_report(std::ostream& out, const std::filesystem::path& file, const CountingSink& counts,
                  const core::Diagnostics& diagnostics) {
  out << fmt::format("imported {}\n", file.string());
  for (const auto& [kind, count] : counts.items) {
    out << fmt::format("  items {:<40} {:>6}\n", kind, count);
  }
  out << fmt::format("  {:<46} {:>6}\n", "published articles and pages", counts.published);
  for (const auto& [kind, count] : counts.comments) {
    out << fmt::format("  {:<46} {:>6}\n", kind, count);
  }
  for (const auto& [taxonomy, count] : counts.terms) {
    out << fmt::format("  terms {:<40} {:>6}\n", taxonomy, count);
  }
  out << fmt::format("  {:<46} {:>6}\n", "authors", counts.authors);
  for (const auto& warning : diagnostics.warnings()) {
    out << fmt::format("  warning: {}: {}\n", warning.location, warning.message);
  }
}

// One source read into the store: an export file or folder through its importer, or a
// running WordPress through its REST API (downloaded first, into the download journal).
struct Source {
  std::string label;  ///< for messages: a file name or the site's host
  std::function<void(blog::ImportSink&, core::Diagnostics&)> read;
  std::string report_extra;  ///< lines for the report about how it was read
  bool from_site = false;
};

Source file_source(const std::filesystem::path& named, const ImportOptions& options) {
  const std::filesystem::path file = importers::site_folder_of(named);
  const auto& importer = options.format.empty() ? importers::detect_importer(file)
                                                : importers::importer_named(options.format);
  check_kind(file, importer);
  const std::string extra =
      file == named
          ? std::string()
          : fmt::format("  read as the site around it: {} (its configuration and pages too)\n",
                        file.string());
  return Source{
      named.filename().string(),
      [&importer, file, read = importers::ReadOptions{options.recover, options.table_prefix}](
          blog::ImportSink& sink, core::Diagnostics& diagnostics) {
        importer.read(file, read, sink, diagnostics);
      },
      extra, false};
}

Source site_source(const std::string& address, const ImportOptions& options) {
  auto site = std::make_shared<pipeline::LiveSite>(pipeline::download_live_site(address, options));
  std::string extra =
      fmt::format("  {:<46} {:>6}\n", "answers from " + site->api_root, site->requests);
  if (site->resumed > 0) {
    extra +=
        fmt::format("  {:<46} {:>6}\n", "  of them kept from the run that stopped", site->resumed);
  }
  return Source{address,
                [site](blog::ImportSink& sink, core::Diagnostics& diagnostics) {
                  for (const auto& warning : site->warnings) {
                    diagnostics.warn(site->api_root, warning);
                  }
                  importers::read_rest_answers(site->answers, sink, diagnostics);
                },
                std::move(extra), true};
}

}  // namespace

CommandResult import_exports(const ImportOptions& options, std::ostream& report) {
  for (const auto& file : options.export_files) {
    if (!pipeline::names_a_url(file.string())) {
      check_readable(file);
    }
  }
  if (!options.uploads_dir.empty() && !std::filesystem::is_directory(options.uploads_dir)) {
    throw InputError(
        fmt::format("--uploads '{}' is not a folder; give the copy of wp-content/uploads",
                    options.uploads_dir.string()));
  }
  const bool store_existed = std::filesystem::exists(options.store_path);
  CommandResult result;
  bool committed_any = false;
  try {
    auto store = store::Store::open(options.store_path, true);
    for (const auto& file : options.export_files) {
      try {
        const Source source = pipeline::names_a_url(file.string())
                                  ? site_source(file.string(), options)
                                  : file_source(file, options);
        core::Diagnostics diagnostics;
        auto transaction = store.begin_import();
        pipeline::BackgroundSink writer(*transaction);  // parse here, write the store there
        pipeline::Progress progress(std::cerr, !options.quiet && ::isatty(STDERR_FILENO) != 0);
        progress.start("items of " + source.label, 0);
        CountingSink counting(writer, progress);
        source.read(counting, diagnostics);
        writer.finish();
        const search::LanguageGuesser::Guess guess = counting.language.guess();
        transaction->setting("text_language", guess.code);
        warn_if_language_differs(counting.declared_language, guess, source.label, diagnostics);
        transaction->commit();
        progress.finish();
        committed_any = true;
        if (source.from_site) {
          pipeline::forget_downloads(options);
        }
        print_report(report, file, counting, diagnostics);
        report << source.report_extra;
        result.warning_count += static_cast<int>(diagnostics.warnings().size());
      } catch (const std::exception&) {
        std::throw_with_nested(InputError(
            fmt::format("cannot import '{}'; the store was left as it was", file.string())));
      }
    }
    if (!options.uploads_dir.empty() || options.fetch_media) {
      result.warning_count += pipeline::import_media(options, report);
    }
  } catch (...) {
    // A store this command created and never committed to is removed again.
    if (!store_existed && !committed_any) {
      std::error_code ignored;
      std::filesystem::remove(options.store_path, ignored);
    }
    throw;
  }
  return result;
}

}  // namespace blogarchive
