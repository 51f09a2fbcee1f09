#pragma once
// Ids for items an export gives no number (Movable Type entries, feed items, Blogger
// entries whose ids do not fit, WXR items without wp:post_id).
#include <cstdint>
#include <set>
#include <string_view>

namespace blogarchive::importers {

/// A stable negative id derived from what identifies the item: importing again updates
/// the same record, and it never meets a real (positive) id.
std::int64_t derived_id(std::string_view identity);

/// derived_id, moved down past the ids in `taken` (an export that repeats an identity
/// keeps both items); the result is added to `taken`.
std::int64_t unique_derived_id(std::string_view identity, std::set<std::int64_t>& taken);

}  // namespace blogarchive::importers
