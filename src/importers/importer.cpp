#include "importers/importer.hpp"

#include <fmt/format.h>

#include <fstream>

#include "blogarchive/error.hpp"
#include "importers/wordpress/wxr_reader.hpp"

namespace blogarchive::importers {

const std::vector<std::unique_ptr<Importer>>& all_importers() {
  static const std::vector<std::unique_ptr<Importer>> importers = [] {
    std::vector<std::unique_ptr<Importer>> list;
    list.push_back(std::make_unique<wordpress::WxrImporter>());
    return list;
  }();
  return importers;
}

const Importer& detect_importer(const std::filesystem::path& file) {
  // 64 KiB is enough to reach the WXR channel header past long comments and
  // namespace declarations.
  std::ifstream in(file, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  std::string names;
  for (const auto& importer : all_importers()) {
    if (importer->recognizes(head)) {
      return *importer;
    }
    names += names.empty() ? "" : ", ";
    names += importer->name();
  }
  throw InputError(fmt::format(
      "'{}' is not an export this version can read (supported: {}); for WordPress, "
      "export with Tools → Export → All content",
      file.string(), names));
}

}  // namespace blogarchive::importers
