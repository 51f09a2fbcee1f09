// libFuzzer target: the streaming WXR reader on arbitrary bytes, strict and recovering.
#include "importer_target.hpp"
#include "importers/wordpress/wxr_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const blogarchive::importers::wordpress::WxrImporter importer;
  return blogarchive::fuzz::read_as_export(importer, "wxr.xml", data, size, true);
}
