#pragma once
#include <filesystem>
#include <iosfwd>

#include "pipeline/site_plan.hpp"

namespace blogarchive::pipeline {

/// Runs blogarchive-zim (a separate GPL program, see docs/licensing.md) on a built site
/// with the metadata the plan knows. Throws OutputError when it is missing or fails.
void export_zim(const std::filesystem::path& zim_file, const std::filesystem::path& site_dir,
                const SitePlan& plan, const std::string& capture_date, std::ostream& report);

}  // namespace blogarchive::pipeline
