#pragma once
#include <map>

#include "render/theme.hpp"
#include "render/views.hpp"
#include "site/site_model.hpp"

namespace blogarchive::render {

/// Writes the whole site: articles, pages, listings, Atom feed, sitemap, robots.txt,
/// 404 page and static assets. `items` holds the rendered content of every article and
/// page in the model. Output depends only on its inputs (no clock, no environment).
void render_site(const site::SiteModel& model, const std::map<std::int64_t, RenderedItem>& items,
                 const Theme& theme, const WriteFile& write);

}  // namespace blogarchive::render
