#pragma once
#include "importers/importer.hpp"

namespace blogarchive::importers::sitefolders {

/// A Jekyll site folder. Posts are the dated files under every `_posts/` folder
/// ("2008-12-03-title.md"; folders above `_posts` are categories, as Jekyll reads
/// them), `_drafts/` are drafts, and `published: false` or a date in the future is not
/// published. Pages are the other Markdown and HTML files with front matter outside
/// `_`-folders, except listing templates. Permalinks follow `_config.yml`'s
/// `permalink` (or the post's own) so every old URL keeps working.
class JekyllImporter : public Importer {
 public:
  std::string_view name() const override { return "jekyll"; }
  bool recognizes(std::string_view) const override { return false; }
  bool reads_folders() const override { return true; }
  bool recognizes_folder(const std::filesystem::path& folder) const override;
  void read(const std::filesystem::path& folder, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

}  // namespace blogarchive::importers::sitefolders
