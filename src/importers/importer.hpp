#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"

namespace blogarchive::importers {

/// How an importer should treat the file it reads.
struct ReadOptions {
  /// Read malformed input as far as a recovering parser can, reporting each repair.
  bool recover = false;
  /// Database backups: the table prefix of the WordPress installation to read ("wp_");
  /// empty: the only one the dump holds.
  std::string table_prefix;
};

/// Reads one export format. Implementations throw InputError when the file cannot be
/// read as a whole, and report single bad items through `diagnostics`.
class Importer {
 public:
  virtual ~Importer() = default;
  /// Short name used by --format and in messages, e.g. "wordpress".
  virtual std::string_view name() const = 0;
  /// True when the first bytes of a file look like this format.
  virtual bool recognizes(std::string_view head) const = 0;
  /// True for formats read from a site folder (Jekyll, Hugo) instead of a file.
  virtual bool reads_folders() const { return false; }
  /// True when `folder` is a site of this format; file formats say no.
  virtual bool recognizes_folder(const std::filesystem::path& /*folder*/) const { return false; }
  virtual void read(const std::filesystem::path& file, const ReadOptions& options,
                    blog::ImportSink& sink, core::Diagnostics& diagnostics) const = 0;
};

/// Every importer this build has, in detection order.
const std::vector<std::unique_ptr<Importer>>& all_importers();

/// The importer whose format the file's first bytes match, or for a folder the site
/// generator whose layout it has; throws InputError naming the supported formats when
/// none does.
const Importer& detect_importer(const std::filesystem::path& file);

/// The site folder a path names: the path itself, or, for the posts folder of a site
/// given on its own (a Hugo site's `content/`, a Jekyll site's `_posts/`), the site
/// around it, whose configuration, pages and permalinks belong to the import too.
std::filesystem::path site_folder_of(const std::filesystem::path& path);

/// The importer called `name`; throws InputError naming the supported formats.
const Importer& importer_named(std::string_view name);

}  // namespace blogarchive::importers
