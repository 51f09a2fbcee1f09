// libFuzzer target: the Movable Type export reader on arbitrary bytes (any encoding mix).
#include "importer_target.hpp"
#include "importers/movabletype/mt_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const blogarchive::importers::movabletype::MtImporter importer;
  return blogarchive::fuzz::read_as_export(importer, "mt.txt", data, size, false);
}
