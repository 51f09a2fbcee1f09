#pragma once
#include <string>
#include <string_view>

namespace blogarchive::core {

/// A URL slug from a title, the way German bloggers expect it: "Größe & Café" →
/// "groesse-cafe". Lower-case ASCII letters, digits and single hyphens; other scripts
/// are transliterated to Latin first. Empty when nothing usable remains.
std::string slugify(std::string_view title);

/// The slug an old permalink implies: its last path segment without the extension
/// ("…/2010/11/the-steel-windpipe.html" → "the-steel-windpipe"); "" when there is none.
std::string slug_of_url(std::string_view url);

}  // namespace blogarchive::core
