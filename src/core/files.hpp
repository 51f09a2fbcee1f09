#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace blogarchive::core {

/// The whole file as bytes; nullopt when it cannot be opened or is a directory.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace blogarchive::core
