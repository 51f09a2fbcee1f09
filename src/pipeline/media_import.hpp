#pragma once
// `import --uploads DIR` and `--fetch-media`: the blog's media files into the store.
#include <iosfwd>

#include "blogarchive/options.hpp"

namespace blogarchive::pipeline {

/// Copies the media files published content uses from options.uploads_dir into the
/// store (one transaction), then, with options.fetch_media, downloads the ones still
/// missing (each stored as it arrives, so that an interrupted run resumes). Reports
/// missing files with the items that use them, and lists the files of the folder that
/// nothing published uses, which are not copied. Returns the number of warnings.
int import_media(const ImportOptions& options, std::ostream& report);

}  // namespace blogarchive::pipeline
