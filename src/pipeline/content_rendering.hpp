#pragma once
#include <map>
#include <string>

#include "core/diagnostics.hpp"
#include "render/views.hpp"
#include "site/site_model.hpp"

namespace blogarchive::pipeline {

/// Runs the body, excerpt and approved comments of every article and page through the
/// content pipeline, rewriting links to the old blog with the site's routes.
std::map<std::int64_t, render::RenderedItem> render_content(const site::SiteModel& model,
                                                            const std::string& embed_label,
                                                            core::Diagnostics& diagnostics);

}  // namespace blogarchive::pipeline
