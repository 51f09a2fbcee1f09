#pragma once
// mysqldump output (MySQL 4.1–8, MariaDB), read as data and never executed: CREATE
// TABLE for each table's columns and character sets, INSERT and REPLACE rows (extended
// or one per statement, with or without column lists), MySQL's string escapes,
// _binary/_charset introducers, hex literals and NULL; comments, /*!…*/ directives,
// LOCK TABLES, SET and DELIMITER are passed over. One row in memory at a time; gzip is
// read as it comes (zlib reads plain files unchanged).
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace blogarchive::importers::sqldump {

struct DumpTable {
  std::string name;
  std::vector<std::string> columns;            ///< in CREATE TABLE order
  std::map<std::string, std::string> charset;  ///< column → character set ("latin1"), lower case
};

/// One row of an INSERT: values by column name (nullopt: SQL NULL).
struct DumpRow {
  const std::string& table;
  const std::vector<std::string>& columns;
  const std::vector<std::optional<std::string>>& values;
  std::size_t line;  ///< where its statement began

  /// The value of `column`; nullopt for NULL or a column the row lacks.
  std::optional<std::string> get(const std::string& column) const;
};

class DumpReader {
 public:
  explicit DumpReader(std::filesystem::path file) : file_(std::move(file)) {}

  /// Reads the whole dump, calling `row` for every row of the tables `wanted` accepts.
  /// Throws InputError ("file:line:column: what") for what is not a dump or ends
  /// inside a statement; with `recover`, a dump cut short ends with a warning instead,
  /// after the last whole row.
  void read(const std::function<bool(const std::string& table)>& wanted,
            const std::function<void(const DumpRow&)>& row, bool recover,
            core::Diagnostics& diagnostics);

  /// The tables whose CREATE TABLE the last read() met, by name.
  const std::map<std::string, DumpTable>& tables() const { return tables_; }
  /// Every table named by a CREATE TABLE or an INSERT, in the order met.
  const std::vector<std::string>& table_names() const { return names_; }

 private:
  std::filesystem::path file_;
  std::map<std::string, DumpTable> tables_;
  std::vector<std::string> names_;
};

/// True when `head` (the first bytes of a file) looks like mysqldump output or gzip.
bool looks_like_dump(std::string_view head);

}  // namespace blogarchive::importers::sqldump
