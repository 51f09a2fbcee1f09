#pragma once
#include <filesystem>
#include <string>

namespace blogarchive::core {

/// The Content-Type of a site file, from its extension: what `serve` sends, what the
/// WARC records and ZIM entries say. Unknown extensions: application/octet-stream.
std::string media_type(const std::filesystem::path& file);

}  // namespace blogarchive::core
