#pragma once
// `export`'s packages: the built archive as WARC, WACZ or ZIM.
#include <iosfwd>

#include "blogarchive/options.hpp"
#include "pipeline/site_plan.hpp"

namespace blogarchive::pipeline {

/// Writes the WARC, WACZ and ZIM files `options` names from options.site_dir, or from a
/// site built into a temporary folder when none is given.
void export_packages(const ExportOptions& options, const SitePlan& plan, std::ostream& report);

}  // namespace blogarchive::pipeline
