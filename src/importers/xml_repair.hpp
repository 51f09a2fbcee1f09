#pragma once
// What --recover repairs before libxml2's recovering parser sees an export: damage that
// parser cannot undo without losing items. Found in real exports: a plugin's or PHP's
// message printed into the download before "<?xml", NUL and other control bytes, and
// "]]>" inside a post that ends its CDATA section early (exporters before WordPress 2.8
// wrote it unescaped).
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::importers {

/// One repair, where it was in the file as read.
struct XmlRepair {
  int line = 1;
  int column = 1;
  std::string what;
};

/// Repairs `text` in place and says what it did. Line numbers of everything after the
/// XML declaration stay those of the file: the lines of text before the declaration
/// become as many line breaks after it.
std::vector<XmlRepair> repair_xml_text(std::string& text);

/// Bytes before "<?xml" (or "<rss") that are not a byte order mark or blank: their
/// count, 0 when the file starts as XML should.
std::size_t text_before_xml(std::string_view head);

}  // namespace blogarchive::importers
