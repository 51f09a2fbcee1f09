#include "pipeline/site_icon.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "site/paths.hpp"

namespace blogarchive::pipeline {
namespace {

using Sizes = std::vector<std::pair<std::string, core::ImageSize>>;

const std::pair<std::string, core::ImageSize>& at_least(const Sizes& sizes, int width) {
  const auto found = std::find_if(sizes.begin(), sizes.end(),
                                  [&](const auto& size) { return size.second.width >= width; });
  return found != sizes.end() ? *found : sizes.back();
}

}  // namespace

std::vector<site::IconLink> site_icon_links(const std::string& icon_url,
                                            const SiteLinkResolver& resolver,
                                            const site::MediaFiles& files) {
  // Only the sizes linked below are published: asking which file the URL names does
  // not count it as used.
  const auto path = icon_url.empty() ? std::nullopt : resolver.media_file(icon_url);
  if (!path) {
    return {};
  }
  Sizes sizes = files.image_variants(*path);  // by width, the original among them
  if (sizes.empty()) {
    const auto size = files.image_size(*path);
    if (!size) {
      // Not an image the archive can measure (an .ico): one link, as it is.
      return {{"icon", resolver.resolve(site::href(*path)).url, ""}};
    }
    sizes.emplace_back(*path, *size);
  }
  std::vector<site::IconLink> links;
  for (const auto& [rel, width] :
       {std::pair{"icon", 32}, std::pair{"icon", 192}, std::pair{"apple-touch-icon", 180}}) {
    const auto& [file, size] = at_least(sizes, width);
    const content::LinkDecision decision =
        resolver.resolve(site::href(file));  // published from now on
    site::IconLink link{rel, decision.url, fmt::format("{}x{}", size.width, size.height)};
    const bool repeated = std::any_of(links.begin(), links.end(), [&](const site::IconLink& other) {
      return other.rel == link.rel && other.href == link.href;
    });
    if (!repeated) {
      links.push_back(std::move(link));
    }
  }
  return links;
}

}  // namespace blogarchive::pipeline
