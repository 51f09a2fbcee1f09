#pragma once
#include <optional>
#include <string_view>

#include "core/dates.hpp"
#include "importers/importer.hpp"

namespace blogarchive::importers::movabletype {

/// Movable Type and TypePad's export text format (Import/Export → Export Entries).
/// Reads the whole file (exports are small: thousands of entries, a few MB); bytes
/// that are not UTF-8 are read as Windows-1252 and reported.
class MtImporter : public Importer {
 public:
  std::string_view name() const override { return "movabletype"; }
  bool recognizes(std::string_view head) const override;
  void read(const std::filesystem::path& file, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

/// "08/08/2007 03:00:00 PM" or "01/31/2002 15:47:06" (local time of the blog).
std::optional<core::DateTime> parse_mt_date(std::string_view text);

}  // namespace blogarchive::importers::movabletype
