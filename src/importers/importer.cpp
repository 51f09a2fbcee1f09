#include "importers/importer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "blogarchive/error.hpp"
#include "importers/blogger/blogger_reader.hpp"
#include "importers/feeds/feed_reader.hpp"
#include "importers/movabletype/mt_reader.hpp"
#include "importers/sitefolders/hugo_reader.hpp"
#include "importers/sitefolders/jekyll_reader.hpp"
#include "importers/sqldump/wordpress_dump.hpp"
#include "importers/wordpress/wxr_reader.hpp"

namespace blogarchive::importers {

const std::vector<std::unique_ptr<Importer>>& all_importers() {
  static const std::vector<std::unique_ptr<Importer>> importers = [] {
    std::vector<std::unique_ptr<Importer>> list;
    list.push_back(std::make_unique<wordpress::WxrImporter>());
    list.push_back(std::make_unique<movabletype::MtImporter>());
    list.push_back(std::make_unique<blogger::BloggerImporter>());  // before feeds: it is Atom too
    list.push_back(std::make_unique<feeds::FeedImporter>());       // after WXR, which is RSS too
    list.push_back(std::make_unique<sqldump::SqlDumpImporter>());
    list.push_back(std::make_unique<sitefolders::JekyllImporter>());  // folders: before Hugo, whose
    list.push_back(std::make_unique<sitefolders::HugoImporter>());    // only sign is content/
    return list;
  }();
  return importers;
}

namespace {

std::string supported_names() {
  std::string names;
  for (const auto& importer : all_importers()) {
    names += names.empty() ? "" : ", ";
    names += importer->name();
  }
  return names;
}

}  // namespace

const Importer& importer_named(std::string_view name) {
  for (const auto& importer : all_importers()) {
    if (importer->name() == name) {
      return *importer;
    }
  }
  throw InputError(fmt::format("unknown format '{}' (supported: {})", name, supported_names()));
}

std::filesystem::path site_folder_of(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_directory(path, error)) {
    return path;
  }
  const auto recognized = [](const std::filesystem::path& folder) {
    const auto& importers = all_importers();
    return std::any_of(importers.begin(), importers.end(),
                       [&](const auto& importer) { return importer->recognizes_folder(folder); });
  };
  const std::filesystem::path folder = path.lexically_normal().has_filename()
                                           ? path.lexically_normal()
                                           : path.lexically_normal().parent_path();
  const std::string name = folder.filename().string();
  if ((name == "content" || name == "_posts") && !recognized(folder) &&
      recognized(folder.parent_path())) {
    return folder.parent_path();
  }
  return path;
}

const Importer& detect_importer(const std::filesystem::path& file) {
  if (std::filesystem::is_directory(file)) {
    for (const auto& importer : all_importers()) {
      if (importer->recognizes_folder(file)) {
        return *importer;
      }
    }
    throw InputError(
        fmt::format("'{}' is a folder, but neither a Jekyll site (no _posts/ or _config.yml) nor a "
                    "Hugo site (no content/); name an export file or a site folder",
                    file.string()));
  }
  // 64 KiB is enough to reach the WXR channel header past long comments and
  // namespace declarations.
  std::ifstream in(file, std::ios::binary);
  std::string head(std::size_t{64} * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  for (const auto& importer : all_importers()) {
    if (importer->recognizes(head)) {
      return *importer;
    }
  }
  throw InputError(
      fmt::format("'{}' is not an export this version can read (supported: {}); for WordPress, "
                  "export with Tools → Export → All content; name the format with --format if it "
                  "was not recognized",
                  file.string(), supported_names()));
}

}  // namespace blogarchive::importers
