#pragma once
// Template code inside post bodies: Jekyll's Liquid tags and Hugo's shortcodes. The
// archive has no template engine for them (and must not run an author's code), so the
// common ones are replaced by the HTML they stood for and every other one is reported
// and left visible as text.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace blogarchive::importers::sitefolders {

/// What a body's macros may refer to.
struct MacroContext {
  /// Values of `{{ site.baseurl }}`, `{{ page.title }}`, `.Params.x`, … by dotted name.
  std::map<std::string, std::string> variables;
  /// The URL of another post or page by the name the macro gives (Jekyll's post_url
  /// name, a path for `link`/`ref`/`relref`); nullopt when unknown.
  std::function<std::optional<std::string>(std::string_view)> url_of;
  std::string site_path;  ///< the base URL's path ("/blog"), for relative_url
  std::string site_url;   ///< the base URL, for absolute_url
};

/// Liquid: {% raw %}, {% comment %}, {% highlight %}, {% post_url %}, {% link %},
/// {{ variable }} and {{ 'path' | relative_url }}. `where` names the post in warnings.
std::string expand_liquid(std::string_view body, const MacroContext& context,
                          const std::string& where, core::Diagnostics& diagnostics);

/// Hugo: highlight, youtube, vimeo, tweet/x, instagram, gist, figure, ref/relref,
/// param; {{</* … */>}} is the escaped literal.
std::string expand_shortcodes(std::string_view body, const MacroContext& context,
                              const std::string& where, core::Diagnostics& diagnostics);

}  // namespace blogarchive::importers::sitefolders
