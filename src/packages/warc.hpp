#pragma once
// WARC/1.1 (ISO 28500:2017): a warcinfo record, then one response record per site file,
// each record its own gzip member so that readers can seek to any one of them.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "packages/site_files.hpp"

namespace blogarchive::packages {

/// Where one response record landed: what a CDX index needs.
struct WarcRecordInfo {
  const SiteFile* file = nullptr;
  std::uint64_t offset = 0;  ///< of its gzip member in the .warc.gz
  std::uint64_t length = 0;  ///< of its gzip member
  std::string payload_digest;
};

struct WarcInfo {
  std::string file_name;  ///< WARC-Filename
  std::string date;       ///< WARC-Date of every record, "2026-11-26T05:00:00Z"
  std::string software;   ///< "blogarchive 0.1.0"
  std::string title;      ///< the archive's title, for the warcinfo record
};

/// Writes the records through `write` (called with each gzip member in order) and
/// returns where each response went. Reads each file once.
std::vector<WarcRecordInfo> write_warc(const std::vector<SiteFile>& files, const WarcInfo& info,
                                       const std::function<void(std::string_view)>& write);

}  // namespace blogarchive::packages
