// libFuzzer target: the Blogger backup reader on arbitrary bytes, strict and recovering.
#include "importer_target.hpp"
#include "importers/blogger/blogger_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const blogarchive::importers::blogger::BloggerImporter importer;
  return blogarchive::fuzz::read_as_export(importer, "blogger.xml", data, size, true);
}
