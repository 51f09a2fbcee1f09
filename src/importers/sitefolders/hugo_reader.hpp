#pragma once
#include "importers/importer.hpp"

namespace blogarchive::importers::sitefolders {

/// A Hugo site folder: the Markdown and HTML files under `content/` with TOML, YAML or
/// JSON front matter. Files in the main sections (config `mainSections`, else the
/// section with the most pages) are articles, the others pages; `_index` list pages,
/// headless bundles and bundle resources are not content. `draft`, a future
/// `publishDate` and a past `expiryDate` are not published. URLs follow `url`, the
/// config's `[permalinks]`, `uglyURLs`, and Hugo's lower-cased section paths; `aliases`
/// are kept as old URLs of the item.
class HugoImporter : public Importer {
 public:
  std::string_view name() const override { return "hugo"; }
  bool recognizes(std::string_view) const override { return false; }
  bool reads_folders() const override { return true; }
  bool recognizes_folder(const std::filesystem::path& folder) const override;
  void read(const std::filesystem::path& folder, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

}  // namespace blogarchive::importers::sitefolders
