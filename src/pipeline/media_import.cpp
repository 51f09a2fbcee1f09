#include "pipeline/media_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/image_size.hpp"
#include "core/url.hpp"
#include "fetch/http_fetcher.hpp"
#include "pipeline/media_references.hpp"
#include "site/media_files.hpp"
#include "store/store.hpp"

namespace blogarchive::pipeline {
namespace {

using References = std::map<std::string, std::vector<const blog::Post*>>;

// How many names a report lists before it only counts.
constexpr std::size_t kListed = 30;

std::string normalized_prefix(const std::string& given, const blog::Snapshot& snapshot) {
  // A WordPress.com blog's files host ("NAME.files.wordpress.com") serves the uploads
  // folder at its root; the archive keeps them under the usual folder all the same.
  if (given.empty() || core::split_url(given).host.ends_with(".files.wordpress.com")) {
    return media_prefix_of(snapshot);
  }
  std::string prefix = core::percent_decode(core::split_url(given).path);
  if (prefix.empty() || prefix.front() != '/') {
    prefix.insert(prefix.begin(), '/');
  }
  if (prefix.back() != '/') {
    prefix += '/';
  }
  return prefix;
}

// The user's copy of the media folder, resolved once.
class UploadsFolder {
 public:
  UploadsFolder(const std::filesystem::path& dir, const std::string& prefix)
      : dir_(dir), root_(std::filesystem::weakly_canonical(dir)), prefix_(prefix) {}

  // The regular file for a media path. A symbolic link that leads out of the copy
  // counts as no file: nothing outside the folder the user named is published.
  std::optional<std::filesystem::path> file(const std::string& path) const {
    const auto file = dir_ / std::filesystem::path(path.substr(prefix_.size())).lexically_normal();
    std::error_code error;
    const auto inside = std::filesystem::canonical(file, error).lexically_relative(root_);
    if (error || inside.empty() || *inside.begin() == ".." ||
        !std::filesystem::is_regular_file(file)) {
      return std::nullopt;
    }
    return file;
  }

 private:
  std::filesystem::path dir_;
  std::filesystem::path root_;
  std::string prefix_;
};

struct CopyOutcome {
  std::set<std::string> stored;  ///< media paths now in the store
  std::size_t bytes = 0;
  std::vector<std::string> missing;
};

CopyOutcome copy_referenced(const References& references, const ImportOptions& options,
                            const std::string& prefix, store::ImportTransaction& transaction) {
  CopyOutcome outcome;
  const UploadsFolder uploads(options.uploads_dir, prefix);
  for (const auto& [path, users] : references) {
    if (site::is_server_script(path)) {
      continue;  // warned about by import_media
    }
    std::string stored_path = path;
    auto file = uploads.file(path);
    if (!file) {
      // WordPress regenerates sizes; the original serves where a size is missing.
      const auto original = site::original_of_resized(path);
      file = original ? uploads.file(*original) : std::nullopt;
      if (!file) {
        outcome.missing.push_back(path);
        continue;
      }
      stored_path = *original;
    }
    if (outcome.stored.count(stored_path) > 0) {
      continue;
    }
    const auto bytes = core::read_file(*file);
    if (!bytes) {
      throw InputError(fmt::format("cannot read '{}'", file->string()));
    }
    transaction.media(stored_path, *bytes, "uploads");
    outcome.bytes += bytes->size();
    outcome.stored.insert(stored_path);
  }
  return outcome;
}

// Sizes copied only to be offered in a srcset stay at most this wide, as WordPress's
// own srcset does (max_srcset_image_width): a camera's 6000-pixel original is no
// candidate a browser should pick.
constexpr int kWidestSrcsetSize = 2048;

struct UploadedImage {
  std::string bytes;
  core::ImageSize size;
};

std::optional<UploadedImage> read_image(const UploadsFolder& uploads, const std::string& path) {
  const auto file = uploads.file(path);
  auto bytes = file ? core::read_file(*file) : std::nullopt;
  const auto size = bytes ? core::image_size(*bytes) : std::nullopt;
  return size ? std::optional(UploadedImage{std::move(*bytes), *size}) : std::nullopt;
}

// Whether the image whose sizes `in_use` are in the archive can be given a srcset: its
// original is there or may be copied (site::MediaFiles finds the sizes through it), and
// a size in use keeps the original's proportions (a square thumbnail crop is offered
// in no other size). Otherwise its other sizes would be copied for nothing.
bool offers_srcset(const UploadsFolder& uploads, const std::string& original,
                   const core::ImageSize& original_size, const std::vector<std::string>& in_use,
                   const std::set<std::string>& stored) {
  if (stored.count(original) > 0) {
    return true;
  }
  return original_size.width <= kWidestSrcsetSize &&
         std::any_of(in_use.begin(), in_use.end(), [&](const std::string& path) {
           const auto image = read_image(uploads, path);
           return image && core::same_proportions(image->size, original_size);
         });
}

// The files of the uploads copy named as sizes of each original, other than those
// already copied.
std::map<std::string, std::vector<std::string>> other_sizes(const ImportOptions& options,
                                                            const std::string& prefix,
                                                            const std::set<std::string>& stored) {
  std::map<std::string, std::vector<std::string>> sizes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(options.uploads_dir)) {
    const std::string path =
        prefix + entry.path().lexically_relative(options.uploads_dir).generic_string();
    if (const auto original = site::original_of_resized(path);
        original && stored.count(path) == 0) {
      sizes[*original].push_back(path);
    }
  }
  return sizes;
}

// The sizes of a copied image that keep its proportions (not the square thumbnail
// crops), the original among them: the archive offers them in srcset, so that a phone
// loads the 300-pixel copy instead of the 2000-pixel original, and a sharp screen the
// 768-pixel one where the post shows the 300-pixel size. Other files are left.
std::size_t copy_sizes_of_copied_images(const ImportOptions& options, const std::string& prefix,
                                        CopyOutcome& outcome,
                                        store::ImportTransaction& transaction) {
  const UploadsFolder uploads(options.uploads_dir, prefix);
  std::map<std::string, std::vector<std::string>> used;  // copied sizes, by original path
  for (const auto& path : outcome.stored) {
    used[site::original_of_resized(path).value_or(path)].push_back(path);
  }
  auto sizes = other_sizes(options, prefix, outcome.stored);
  std::size_t copied = 0;
  for (const auto& [original, in_use] : used) {
    const auto original_image = read_image(uploads, original);
    if (!original_image ||
        !offers_srcset(uploads, original, original_image->size, in_use, outcome.stored)) {
      continue;
    }
    std::vector<std::string>& candidates = sizes[original];
    if (outcome.stored.count(original) == 0) {
      candidates.push_back(original);
    }
    for (const auto& path : candidates) {
      const auto image = read_image(uploads, path);
      if (!image || image->size.width > kWidestSrcsetSize ||
          !core::same_proportions(image->size, original_image->size)) {
        continue;
      }
      transaction.media(path, image->bytes, "uploads");
      outcome.stored.insert(path);
      outcome.bytes += image->bytes.size();
      ++copied;
    }
  }
  return copied;
}

// Files of the uploads copy that nothing published uses. Sizes WordPress made of a
// file that was copied are counted apart: they are expected to be unused.
void report_unreferenced(const ImportOptions& options, const std::string& prefix,
                         const References& references, const std::set<std::string>& stored,
                         std::ostream& report) {
  std::vector<std::string> unused;
  std::size_t sizes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(options.uploads_dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string path =
        prefix + entry.path().lexically_relative(options.uploads_dir).generic_string();
    if (stored.count(path) > 0 || references.count(path) > 0) {
      continue;
    }
    const auto original = site::original_of_resized(path);
    if (original && stored.count(*original) > 0) {
      ++sizes;
    } else {
      unused.push_back(entry.path().lexically_relative(options.uploads_dir).generic_string());
    }
  }
  std::sort(unused.begin(), unused.end());
  report << fmt::format("  {:<46} {:>6}\n", "other sizes of copied images, not needed", sizes);
  report << fmt::format("  {:<46} {:>6}\n", "used by nothing published, not copied", unused.size());
  for (std::size_t i = 0; i < unused.size() && i < kListed; ++i) {
    report << "    " << unused[i] << "\n";
  }
  if (unused.size() > kListed) {
    report << fmt::format("    … and {} more\n", unused.size() - kListed);
  }
}

// Where a missing file is asked for: --fetch-from, or the old blog's own address.
std::string fetch_base(const ImportOptions& options, const blog::Snapshot& snapshot) {
  std::string base = options.fetch_from;
  if (base.empty()) {
    for (const std::string* url : {&snapshot.site.base_site_url, &snapshot.site.link}) {
      if (url->starts_with("http://") || url->starts_with("https://")) {
        base = core::origin_of(*url);  // a port (blog.example.org:8080) is part of it
        break;
      }
    }
  }
  if (base.empty()) {
    throw InputError(
        "--fetch-media: the export does not name the blog's address; give it with --fetch-from "
        "URL");
  }
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  return base;
}

// Downloads the missing files, each stored in its own transaction as it arrives. A
// WordPress.com blog's files are asked for on its files host (NAME.files.wordpress.com/
// 2011/03/x.png): its own address answers them with attachment pages.
std::vector<std::string> fetch_missing(const std::vector<std::string>& missing,
                                       const ImportOptions& options, const blog::Snapshot& snapshot,
                                       const std::string& prefix, store::Store& store,
                                       std::ostream& report) {
  const std::set<std::string> media_hosts = site::wordpress_com_media_hosts(snapshot);
  const bool wordpress_com = !media_hosts.empty();
  std::string base = wordpress_com && options.fetch_from.empty() ? "https://" + *media_hosts.begin()
                                                                 : fetch_base(options, snapshot);
  while (wordpress_com && base.ends_with('/')) {
    base.pop_back();
  }
  std::map<std::string, std::string> path_of_url;
  std::vector<std::string> urls;
  for (const auto& path : missing) {
    const std::string remote = wordpress_com ? path.substr(prefix.size() - 1) : path;
    urls.push_back(base + core::percent_encode_path(remote));
    path_of_url[urls.back()] = path;
  }
  std::vector<std::string> still_missing;
  std::size_t fetched = 0;
  fetch::FetchLimits limits;
  limits.parallel = options.fetch_jobs;
  fetch::fetch_all(urls, limits, [&](fetch::FetchResult result) {
    const std::string& path = path_of_url.at(result.url);
    if (!result.ok) {
      report << fmt::format("  not fetched: {} ({}, {} attempt(s))\n", result.url, result.error,
                            result.attempts);
      still_missing.push_back(path);
      return;
    }
    auto transaction = store.begin_import();
    transaction->media(path, result.bytes, result.url);
    transaction->commit();
    ++fetched;
  });
  report << fmt::format("  {:<46} {:>6}\n", "fetched from " + base, fetched);
  std::sort(still_missing.begin(), still_missing.end());
  return still_missing;
}

}  // namespace

int import_media(const ImportOptions& options, std::ostream& report) {
  auto store = store::Store::open(options.store_path, false);
  const blog::Snapshot snapshot = store.load_snapshot();
  const std::string prefix = normalized_prefix(options.uploads_url, snapshot);
  const References references = media_references(snapshot, prefix);
  report << fmt::format("media under {}\n  {:<46} {:>6}\n", prefix, "used by published content",
                        references.size());

  // Linked or not, a file a server could run (a web shell in a hacked uploads folder,
  // often named like an image) is never brought into the archive.
  int warnings = 0;
  for (const auto& [path, users] : references) {
    if (site::is_server_script(path)) {
      report << fmt::format("  warning: {}: a server could run this file; it is not copied\n",
                            path);
      ++warnings;
    }
  }
  std::vector<std::string> missing;
  if (!options.uploads_dir.empty()) {
    auto transaction = store.begin_import();
    transaction->setting("media_prefix", prefix);
    CopyOutcome copied = copy_referenced(references, options, prefix, *transaction);
    const std::size_t sizes = copy_sizes_of_copied_images(options, prefix, copied, *transaction);
    transaction->commit();
    report << fmt::format("  {:<46} {:>6} ({} bytes)\n",
                          "copied from " + options.uploads_dir.string(), copied.stored.size(),
                          copied.bytes);
    report << fmt::format("  {:<46} {:>6}\n", "  of them other sizes of copied images (srcset)",
                          sizes);
    report_unreferenced(options, prefix, references, copied.stored, report);
    missing = copied.missing;
  } else {
    auto transaction = store.begin_import();
    transaction->setting("media_prefix", prefix);
    transaction->commit();
    // A resumed fetch skips what an earlier run stored, as the build will use it.
    const site::MediaFiles have(store.media_paths(), prefix);
    for (const auto& [path, users] : references) {
      if (!have.find(path) && !site::is_server_script(path)) {
        missing.push_back(path);
      }
    }
  }
  if (options.fetch_media && !missing.empty()) {
    missing = fetch_missing(missing, options, snapshot, prefix, store, report);
  }
  report << fmt::format("  {:<46} {:>6}\n", "missing (kept as links to the old site)",
                        missing.size());
  for (const auto& path : missing) {
    for (const blog::Post* user : references.at(path)) {
      report << fmt::format("  warning: {}: media file missing: {}\n", blog::describe(*user), path);
    }
    if (references.at(path).empty()) {
      report << fmt::format(
          "  warning: the site icon: media file missing: {}; the archive shows its monogram "
          "instead\n",
          path);
    }
  }
  return warnings + static_cast<int>(missing.size());
}

}  // namespace blogarchive::pipeline
