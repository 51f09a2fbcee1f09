#pragma once
#include "importers/importer.hpp"

namespace blogarchive::importers::wordpress {

/// WordPress eXtended RSS, versions 1.0–1.2 (Tools → Export). Streams the file: only
/// the current <item> is held in memory.
class WxrImporter : public Importer {
 public:
  std::string_view name() const override { return "wordpress"; }
  bool recognizes(std::string_view head) const override;
  void read(const std::filesystem::path& file, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

/// Cleans what WordPress allowed but the archive cannot use: an empty slug, a missing
/// date, a comment whose parent is not in the export. Each fix is reported.
void normalize_item(blog::Post& post, core::Diagnostics& diagnostics);

}  // namespace blogarchive::importers::wordpress
