#pragma once
// WACZ 1.1.1: a zip (stored, not deflated, so that replay can range-read it) holding
// archive/data.warc.gz, indexes/index.cdx (CDXJ), pages/pages.jsonl and
// datapackage.json with each resource's size and SHA-256. What ReplayWeb.page opens.
#include <filesystem>
#include <string>
#include <vector>

#include "packages/site_files.hpp"
#include "packages/warc.hpp"

namespace blogarchive::packages {

/// Writes `out` atomically (libzip writes beside it and renames on close).
/// `main_page_url` is the archive's overview. Returns the number of pages listed.
std::size_t write_wacz(const std::vector<SiteFile>& files, const WarcInfo& info,
                       const std::string& main_page_url, const std::filesystem::path& out);

/// The SURT form of a URL that CDX indexes sort by: "org,example,archiv)/2010/01/x/".
std::string surt(std::string_view url);

}  // namespace blogarchive::packages
