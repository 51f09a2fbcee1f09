#include "importers/sqldump/dump_reader.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "blogarchive/error.hpp"
#include "core/text.hpp"

namespace blogarchive::importers::sqldump {
namespace {

// Thrown where the dump ends inside a statement; --recover turns it into a warning.
struct CutShort : InputError {
  using InputError::InputError;
};

// The dump's bytes one at a time, with line and column, through zlib.
class Source {
 public:
  explicit Source(const std::filesystem::path& file) : name_(file.filename().string()) {
    gz_ = gzopen(file.c_str(), "rb");
    if (gz_ == nullptr) {
      throw InputError(fmt::format("cannot read '{}'", file.string()));
    }
    gzbuffer(gz_, 1 << 17);
  }
  ~Source() { gzclose(gz_); }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  int peek() { return peek_at(0); }
  /// The byte `offset` after the next one (0: the next), or -1 past the end.
  int peek_at(std::size_t offset) {
    if (at_ + offset >= size_ && !fill()) {
      return -1;
    }
    return at_ + offset < size_ ? static_cast<unsigned char>(buffer_[at_ + offset]) : -1;
  }
  int get() {
    const int c = peek();
    if (c >= 0) {
      ++at_;
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
    return c;
  }
  std::size_t line() const { return line_; }

  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(fmt::format("{}:{}:{}: {}", name_, line_, column_, what));
  }
  [[noreturn]] void cut_short(const std::string& what) const {
    throw CutShort(fmt::format("{}:{}:{}: {}", name_, line_, column_, what));
  }

 private:
  // Keeps the bytes not yet read at the front and appends what zlib has next.
  bool fill() {
    std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(at_),
              buffer_.begin() + static_cast<std::ptrdiff_t>(size_), buffer_.begin());
    size_ -= at_;
    at_ = 0;
    const int read =
        gzread(gz_, buffer_.data() + size_, static_cast<unsigned>(buffer_.size() - size_));
    if (read < 0) {
      int code = 0;
      fail(fmt::format("cannot be decompressed ({})", gzerror(gz_, &code)));
    }
    size_ += static_cast<std::size_t>(read);
    return read > 0;
  }

  std::string name_;
  gzFile gz_ = nullptr;
  std::array<char, 1 << 16> buffer_{};
  std::size_t size_ = 0;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

bool is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_word(int c) {
  return c >= 0 && (std::isalnum(c) != 0 || c == '_' || c == '$' || c >= 0x80);
}

class Parser {
 public:
  Parser(Source& in, std::map<std::string, DumpTable>& tables, std::vector<std::string>& names)
      : in_(in), tables_(tables), names_(names) {}

  // Whitespace and comments; false at the end of the dump.
  bool skip_blank() {
    for (;;) {
      const int c = in_.peek();
      if (c < 0) {
        return false;
      }
      if (is_space(c)) {
        in_.get();
      } else if (c == '#' || (c == '-' && in_.peek_at(1) == '-')) {
        skip_line();  // a comment to the end of the line
      } else if (c == '/' && in_.peek_at(1) == '*') {
        in_.get();
        skip_block_comment();
      } else {
        return true;
      }
    }
  }

  void statement(const std::function<bool(const std::string&)>& wanted,
                 const std::function<void(const DumpRow&)>& row) {
    const std::size_t line = in_.line();
    if (in_.peek() == static_cast<unsigned char>(delimiter_[0])) {
      (void)rest_of_statement();  // an empty statement: "/*!40101 SET … */;"
      return;
    }
    const std::string keyword = core::to_lower_ascii(word());
    if (keyword == "delimiter") {
      std::string rest;
      for (int c = in_.get(); c >= 0 && c != '\n'; c = in_.get()) {
        rest += static_cast<char>(c);
      }
      delimiter_ = std::string(core::trim(rest));
      if (delimiter_.empty()) {
        in_.fail("DELIMITER without a delimiter");
      }
      return;
    }
    if (keyword == "create") {
      const std::string text = rest_of_statement();
      create(text, line);
      return;
    }
    if (keyword == "insert" || keyword == "replace") {
      insert(line, wanted, row);
      return;
    }
    if (keyword.empty()) {
      in_.fail(fmt::format("unexpected '{}': this is not SQL as mysqldump writes it",
                           static_cast<char>(in_.peek())));
    }
    (void)rest_of_statement();
  }

 private:
  void skip_line() {
    for (int c = in_.get(); c >= 0 && c != '\n'; c = in_.get()) {
    }
  }

  void skip_block_comment() {
    in_.get();  // '*'
    int previous = 0;
    for (int c = in_.get(); c >= 0; c = in_.get()) {
      if (previous == '*' && c == '/') {
        return;
      }
      previous = c;
    }
    in_.cut_short("the dump ends inside a /* comment */");
  }

  std::string word() {
    std::string text;
    while (is_word(in_.peek())) {
      text += static_cast<char>(in_.get());
    }
    return text;
  }

  // The rest of a statement up to the delimiter, quotes and comments respected.
  std::string rest_of_statement() {
    std::string text;
    int quote = 0;
    for (int c = in_.get(); c >= 0; c = in_.get()) {
      if (quote != 0) {
        text += static_cast<char>(c);
        if (c == '\\' && quote != '`') {
          const int next = in_.get();
          if (next < 0) {
            break;
          }
          text += static_cast<char>(next);
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      }
      text += static_cast<char>(c);
      if (text.ends_with(delimiter_)) {
        text.resize(text.size() - delimiter_.size());
        return text;
      }
    }
    in_.cut_short("the dump ends inside a statement; it was cut short");
  }

  static std::string unquote_name(std::string_view name) {
    name = core::trim(name);
    if (name.size() >= 2 && name.front() == '`' && name.back() == '`') {
      name = name.substr(1, name.size() - 2);
    }
    return std::string(name);
  }

  static std::string charset_in(std::string_view text) {
    const std::string lower = core::to_lower_ascii(text);
    for (const std::string_view key :
         {"character set ", "charset=", "charset ", "character set="}) {
      const auto at = lower.find(key);
      if (at != std::string::npos) {
        std::string value;
        for (std::size_t i = at + key.size(); i < lower.size() && is_word(lower[i]); ++i) {
          value += lower[i];
        }
        return value;
      }
    }
    const auto collate = lower.find("collate");
    if (collate != std::string::npos) {
      std::size_t i = collate + 7;
      while (i < lower.size() && (lower[i] == ' ' || lower[i] == '=')) {
        ++i;
      }
      std::string value;
      for (; i < lower.size() && is_word(lower[i]) && lower[i] != '_'; ++i) {
        value += lower[i];
      }
      return value;
    }
    return {};
  }

  void create(const std::string& text, std::size_t line) {
    const std::string lower = core::to_lower_ascii(text);
    const auto table_at = lower.find("table");
    const auto open = text.find('(');
    if (table_at == std::string::npos || open == std::string::npos ||
        lower.find_first_not_of(" \t\r\n") != table_at) {
      return;  // CREATE DATABASE, VIEW, TRIGGER, …
    }
    std::string name_part = text.substr(table_at + 5, open - table_at - 5);
    const auto not_exists = core::to_lower_ascii(name_part).find("if not exists");
    if (not_exists != std::string::npos) {
      name_part = name_part.substr(not_exists + 13);
    }
    DumpTable table;
    table.name = unquote_name(
        name_part.substr(name_part.rfind('.') == std::string::npos ? 0 : name_part.rfind('.') + 1));
    // Definitions split at top-level commas; the table's options follow the last ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos || close < open) {
      throw InputError(
          fmt::format("line {}: CREATE TABLE {} has no closing parenthesis", line, table.name));
    }
    const std::string table_charset = charset_in(text.substr(close));
    int depth = 0;
    int quote = 0;
    std::string definition;
    const auto finish = [&] {
      const std::string_view def = core::trim(definition);
      if (!def.empty() && def.front() == '`') {
        const auto end = def.find('`', 1);
        const std::string column(def.substr(1, end - 1));
        table.columns.push_back(column);
        const std::string charset = charset_in(def.substr(end + 1));
        table.charset[column] = charset.empty() ? table_charset : charset;
      }
      definition.clear();
    };
    for (std::size_t i = open + 1; i < close; ++i) {
      const char c = text[i];
      if (quote != 0) {
        quote = c == quote && text[i - 1] != '\\' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = static_cast<unsigned char>(c);
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else if (c == ',' && depth == 0) {
        finish();
        continue;
      }
      definition += c;
    }
    finish();
    names_.push_back(table.name);
    tables_[table.name] = std::move(table);
  }

  void expect(char wanted, const char* what) {
    skip_blank_or_cut();
    if (in_.peek() != static_cast<unsigned char>(wanted)) {
      in_.fail(fmt::format("expected '{}' {}", wanted, what));
    }
    in_.get();
  }

  void skip_blank_or_cut() {
    if (!skip_blank()) {
      in_.cut_short("the dump ends inside an INSERT; it was cut short");
    }
  }

  std::string identifier() {
    skip_blank_or_cut();
    std::string name;
    if (in_.peek() == '`') {
      in_.get();
      for (int c = in_.get(); c != '`'; c = in_.get()) {
        if (c < 0) {
          in_.cut_short("the dump ends inside a `name`");
        }
        name += static_cast<char>(c);
      }
    } else {
      name = word();
    }
    if (in_.peek() == '.') {  // `database`.`table`
      in_.get();
      return identifier();
    }
    return name;
  }

  void insert(std::size_t line, const std::function<bool(const std::string&)>& wanted,
              const std::function<void(const DumpRow&)>& row) {
    std::string keyword = core::to_lower_ascii(identifier());
    while (keyword == "ignore" || keyword == "low_priority" || keyword == "delayed" ||
           keyword == "high_priority") {
      keyword = core::to_lower_ascii(identifier());
    }
    if (keyword != "into") {
      in_.fail("expected INTO after INSERT");
    }
    const std::string table = identifier();
    names_.push_back(table);
    std::vector<std::string> columns;
    skip_blank_or_cut();
    if (in_.peek() == '(') {
      in_.get();
      for (;;) {
        columns.push_back(identifier());
        skip_blank_or_cut();
        const int c = in_.get();
        if (c == ')') {
          break;
        }
        if (c != ',') {
          in_.fail("expected ',' or ')' in the column list");
        }
      }
    } else if (const auto known = tables_.find(table); known != tables_.end()) {
      columns = known->second.columns;
    }
    const std::string values_keyword = core::to_lower_ascii(identifier());
    if (values_keyword != "values" && values_keyword != "value") {
      in_.fail(fmt::format(
          "expected VALUES in the INSERT into `{}` (INSERT … SELECT is not a dump's)", table));
    }
    const bool keep = wanted(table);
    if (keep && columns.empty()) {
      in_.fail(fmt::format(
          "cannot tell the columns of `{}`: the dump has no CREATE TABLE for it and its INSERTs "
          "name none",
          table));
    }
    std::vector<std::optional<std::string>> values;
    for (;;) {
      expect('(', "to open a row");
      values.clear();
      for (;;) {
        values.push_back(value());
        skip_blank_or_cut();
        const int c = in_.get();
        if (c == ')') {
          break;
        }
        if (c != ',') {
          in_.fail("expected ',' or ')' between values");
        }
      }
      if (keep) {
        if (values.size() != columns.size()) {
          in_.fail(fmt::format("a row of `{}` has {} values for {} columns", table, values.size(),
                               columns.size()));
        }
        row(DumpRow{table, columns, values, line});
      }
      skip_blank_or_cut();
      if (in_.peek() == ',') {
        in_.get();
        continue;
      }
      (void)rest_of_statement();  // the delimiter, or ON DUPLICATE KEY UPDATE …
      return;
    }
  }

  std::string quoted_string(int quote) {
    std::string text;
    for (;;) {
      const int c = in_.get();
      if (c < 0) {
        in_.cut_short("the dump ends inside a string; it was cut short");
      }
      if (c == quote) {
        if (in_.peek() == quote) {  // '' inside '…'
          in_.get();
          text += static_cast<char>(quote);
          continue;
        }
        return text;
      }
      if (c != '\\') {
        text += static_cast<char>(c);
        continue;
      }
      const int escaped = in_.get();
      switch (escaped) {
        case '0':
          text += '\0';
          break;
        case 'b':
          text += '\b';
          break;
        case 'n':
          text += '\n';
          break;
        case 'r':
          text += '\r';
          break;
        case 't':
          text += '\t';
          break;
        case 'Z':
          text += '\x1A';
          break;
        case '%':
          text += "\\%";
          break;  // MySQL keeps the backslash of \% and \_
        case '_':
          text += "\\_";
          break;
        case -1:
          in_.cut_short("the dump ends inside a string; it was cut short");
        default:
          text += static_cast<char>(escaped);
      }
    }
  }

  // The bytes of hex digits (0x…, X'…'); an odd count has an implied leading 0.
  static std::string bytes_of_hex(std::string digits) {
    if (digits.size() % 2 != 0) {
      digits.insert(digits.begin(), '0');
    }
    std::string bytes;
    for (std::size_t i = 0; i < digits.size(); i += 2) {
      bytes += static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16));
    }
    return bytes;
  }

  std::string hex_digits() {
    std::string digits;
    while (std::isxdigit(in_.peek()) != 0) {
      digits += static_cast<char>(in_.get());
    }
    return bytes_of_hex(std::move(digits));
  }

  std::optional<std::string> value() {
    skip_blank_or_cut();
    const int c = in_.peek();
    if (c == '\'' || c == '"') {
      in_.get();
      return quoted_string(c);
    }
    if (c == '_') {  // _binary '…', _utf8mb4 0x…: the bytes are what counts
      (void)word();
      return value();
    }
    if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
      std::string number;
      number += static_cast<char>(in_.get());
      if (number == "0" && (in_.peek() == 'x' || in_.peek() == 'X')) {
        in_.get();
        return hex_digits();
      }
      while (std::isalnum(in_.peek()) != 0 || in_.peek() == '.' || in_.peek() == '-' ||
             in_.peek() == '+') {
        number += static_cast<char>(in_.get());
      }
      return number;
    }
    const std::string name = core::to_lower_ascii(word());
    if (name == "null") {
      return std::nullopt;
    }
    if ((name == "x" || name == "b") && in_.peek() == '\'') {
      in_.get();
      std::string digits = quoted_string('\'');
      if (name == "b") {
        return digits;
      }
      if (digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
        in_.fail("X'…' holds something other than hex digits");
      }
      return bytes_of_hex(std::move(digits));
    }
    if (name == "true" || name == "false") {
      return name == "true" ? "1" : "0";
    }
    if (name.empty() && c < 0) {
      in_.cut_short("the dump ends inside an INSERT; it was cut short");
    }
    in_.fail(fmt::format("expected a value, found '{}'",
                         name.empty() ? std::string(1, static_cast<char>(c)) : name));
  }

  Source& in_;
  std::map<std::string, DumpTable>& tables_;
  std::vector<std::string>& names_;
  std::string delimiter_ = ";";
};

}  // namespace

std::optional<std::string> DumpRow::get(const std::string& column) const {
  const auto at = std::find(columns.begin(), columns.end(), column);
  return at == columns.end() ? std::nullopt
                             : values[static_cast<std::size_t>(at - columns.begin())];
}

void DumpReader::read(const std::function<bool(const std::string&)>& wanted,
                      const std::function<void(const DumpRow&)>& row, bool recover,
                      core::Diagnostics& diagnostics) {
  tables_.clear();
  names_.clear();
  Source in(file_);
  Parser parser(in, tables_, names_);
  try {
    while (parser.skip_blank()) {
      parser.statement(wanted, row);
    }
  } catch (const CutShort& error) {
    if (!recover) {
      throw InputError(std::string(error.what()) + "; --recover keeps the rows before this point");
    }
    diagnostics.warn(file_.filename().string(),
                     std::string(error.what()) + "; the rows before it were read");
  }
}

bool looks_like_dump(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1F &&
      static_cast<unsigned char>(head[1]) == 0x8B) {
    return true;  // gzip: the reader opens it and says what it finds
  }
  return head.find("-- MySQL dump") != std::string_view::npos ||
         head.find("-- MariaDB dump") != std::string_view::npos ||
         head.find("CREATE TABLE `") != std::string_view::npos ||
         head.find("INSERT INTO `") != std::string_view::npos;
}

}  // namespace blogarchive::importers::sqldump
