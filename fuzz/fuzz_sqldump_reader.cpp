// libFuzzer target: the WordPress database-backup reader (mysqldump text, plain or
// gzip) on arbitrary bytes, strict and with --recover.
#include "importer_target.hpp"
#include "importers/sqldump/wordpress_dump.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const blogarchive::importers::sqldump::SqlDumpImporter importer;
  return blogarchive::fuzz::read_as_export(importer, "backup.sql", data, size, true);
}
