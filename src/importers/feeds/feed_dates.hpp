#pragma once
// The two date formats of feeds: RFC 822 (RSS: "Sat, 07 Sep 2002 00:00:01 GMT") and
// RFC 3339 (Atom, Dublin Core: "2003-12-13T18:30:02+01:00").
#include <optional>
#include <string_view>

#include "blog/post.hpp"
#include "core/dates.hpp"
#include "core/diagnostics.hpp"

namespace blogarchive::importers::feeds {

/// A feed date: the wall-clock time as written, and UTC when a zone was given.
struct FeedDate {
  core::DateTime local;
  std::optional<core::DateTime> utc;
};

/// RFC 822 / RFC 1123 with two- or four-digit years, numeric zones, GMT/UT/Z and the
/// North American zone names; nullopt when it is neither this nor RFC 3339.
std::optional<FeedDate> parse_feed_date(std::string_view text);

/// Sets the post's local and UTC dates from a feed date; an empty text leaves them,
/// one that is not a date is reported at the post's source.
void set_post_date(blog::Post& post, std::string_view text, core::Diagnostics& diagnostics);

}  // namespace blogarchive::importers::feeds
