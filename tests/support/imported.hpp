#pragma once
// What an importer read from one file, for importer tests.
#include <filesystem>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"
#include "importers/importer.hpp"

namespace blogarchive::testing {

struct Imported {
  blog::VectorSink sink;
  core::Diagnostics diagnostics;
};

/// Runs `importer` on `file` with default options.
inline Imported import_with(const importers::Importer& importer,
                            const std::filesystem::path& file) {
  Imported imported;
  importer.read(file, {}, imported.sink, imported.diagnostics);
  return imported;
}

}  // namespace blogarchive::testing
