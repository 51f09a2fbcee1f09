#pragma once
// A WordPress database backup (mysqldump, plain or gzip) read directly, offline: the
// tables of one installation (its prefix detected, or given with --table-prefix) become
// the records a WXR export would give, permalinks computed from permalink_structure as
// WordPress computes them. Logins, e-mail and IP addresses and password hashes are
// never read; text that old databases kept as UTF-8 in latin1 columns is repaired.
#include "importers/importer.hpp"

namespace blogarchive::importers::sqldump {

class SqlDumpImporter : public Importer {
 public:
  std::string_view name() const override { return "sqldump"; }
  bool recognizes(std::string_view head) const override;
  void read(const std::filesystem::path& file, const ReadOptions& options, blog::ImportSink& sink,
            core::Diagnostics& diagnostics) const override;
};

}  // namespace blogarchive::importers::sqldump
