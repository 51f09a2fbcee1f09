// libFuzzer target: the RSS and Atom feed reader on arbitrary bytes (strict, then recovering on its
// own).
#include "importer_target.hpp"
#include "importers/feeds/feed_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const blogarchive::importers::feeds::FeedImporter importer;
  return blogarchive::fuzz::read_as_export(importer, "feed.xml", data, size, false);
}
