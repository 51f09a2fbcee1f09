#pragma once
#include <map>
#include <string>
#include <string_view>

namespace blogarchive::render {

/// The files of themes/default, by relative path, compiled into the binary.
const std::map<std::string, std::string_view>& embedded_theme_files();

}  // namespace blogarchive::render
