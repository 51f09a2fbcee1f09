#pragma once
#include "importers/importer.hpp"

namespace blogarchive::importers::feeds {

/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds: what is left of many blogs.
/// Every item becomes a published article (a feed only ever held public posts);
/// content:encoded is preferred over description, Atom content over summary; the
/// item's link is kept as its permalink; categories become tags. Encodings are read
/// as declared (UTF-16 with or without BOM, ISO-8859-1, Windows-1252); a feed that is
/// not well-formed is read by libxml2's recovering parser with a warning per repair.
/// Blogger's full export (also Atom) is left to its own importer.
class FeedImporter : public Importer {
 public:
  std::string_view name() const override { return "feed"; }
  bool recognizes(std::string_view head) const override;
  void read(const std::filesystem::path& file, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

}  // namespace blogarchive::importers::feeds
