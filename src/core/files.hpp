#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

namespace blogarchive::core {

/// The whole file as bytes; nullopt when it cannot be opened or is a directory.
std::optional<std::string> read_file(const std::filesystem::path& path);

/// Removes `path` and everything below it, as std::filesystem::remove_all does, on
/// `jobs` threads; a missing path is no error. Symbolic links are removed, never
/// followed. Returns the first error met; it goes on removing what it can.
std::error_code remove_tree(const std::filesystem::path& path, int jobs);

}  // namespace blogarchive::core
