#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "blog/post.hpp"
#include "site/config.hpp"

namespace blogarchive::site {

/// The id of the page made from cookie_notice.privacy_markdown. Imported items never
/// have it: WordPress ids are positive, and synthetic ones are hashes.
inline constexpr std::int64_t kPrivacyPageId = std::numeric_limits<std::int64_t>::min();

/// Reads the Markdown privacy policy the config names, as a published page at
/// cookie_notice.privacy_url. Its first "# " heading becomes the title (else
/// `fallback_title`). nullopt when the config names no file; InputError when the file
/// cannot be read or is not UTF-8 (with line and column).
/// `notes`: paragraphs the archive adds to the policy (what it changed, e.g. that contact
/// details in comments are masked), appended to the Markdown.
std::optional<blog::Post> load_privacy_page(const SiteConfig& config,
                                            const std::string& fallback_title,
                                            const std::vector<std::string>& notes = {});

}  // namespace blogarchive::site
