#pragma once
// The blog's own site icon in the archive's pages, when the archive has its file.
#include <string>
#include <vector>

#include "pipeline/content_rendering.hpp"
#include "site/media_files.hpp"
#include "site/site_model.hpp"

namespace blogarchive::pipeline {

/// The links WordPress's wp_site_icon() prints (a 32- and a 192-pixel icon, a
/// 180-pixel apple-touch-icon), each to the smallest size of the icon the archive has
/// that is at least that wide, else the largest. The files are asked of `resolver`, so
/// the build publishes them. Empty when the export names no icon or the archive lacks
/// its file.
std::vector<site::IconLink> site_icon_links(const std::string& icon_url,
                                            const SiteLinkResolver& resolver,
                                            const site::MediaFiles& files);

}  // namespace blogarchive::pipeline
