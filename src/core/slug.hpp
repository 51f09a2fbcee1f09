#pragma once
#include <string>
#include <string_view>

namespace blogarchive::core {

/// A URL slug from a title, the way German bloggers expect it: "Größe & Café" →
/// "groesse-cafe". Lower-case ASCII letters, digits and single hyphens; other scripts
/// are transliterated to Latin first. Empty when nothing usable remains.
std::string slugify(std::string_view title);

}  // namespace blogarchive::core
