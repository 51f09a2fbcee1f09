#pragma once
#include "importers/importer.hpp"

namespace blogarchive::importers::blogger {

/// Blogger's "Back up content" file: an Atom feed whose entries are posts, pages,
/// comments, settings and the template, told apart by their kind category. Posts and
/// pages are imported (drafts, app:draft, not published), comments are attached to
/// the post they answer (thr:in-reply-to), labels become tags, and the blogspot URL
/// (rel="alternate", ".html" included) is kept as the permalink. Settings and the
/// template are left out.
class BloggerImporter : public Importer {
 public:
  std::string_view name() const override { return "blogger"; }
  bool recognizes(std::string_view head) const override;
  void read(const std::filesystem::path& file, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

}  // namespace blogarchive::importers::blogger
