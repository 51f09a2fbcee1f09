#pragma once
// What every importer's fuzz target does: write the bytes to a file (importers read
// files, as they do real exports), read it, and check the two promises every importer
// makes. Bad input may only end in InputError (a message for the user), never in a
// crash, a hang or another exception; and nothing it yields as published may be
// unpublished.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "blog/post.hpp"
#include "blogarchive/error.hpp"
#include "core/diagnostics.hpp"
#include "importers/importer.hpp"

namespace blogarchive::fuzz {

/// Reads `data` as a file named like `file_name` ("wxr.xml") with `importer`, strict
/// and, when `also_recovering`, once more with ReadOptions::recover.
inline int read_as_export(const importers::Importer& importer, const std::string& file_name,
                          const std::uint8_t* data, std::size_t size, bool also_recovering) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("blogarchive-fuzz-" + std::to_string(::getpid()) + "-" + file_name);
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  for (const bool recover : {false, true}) {
    if (recover && !also_recovering) {
      break;
    }
    blog::VectorSink sink;
    core::Diagnostics diagnostics;
    importers::ReadOptions options;
    options.recover = recover;
    try {
      importer.read(file, options, sink, diagnostics);
    } catch (const InputError&) {
      continue;  // the expected answer to bad input
    }
    for (const auto& post : sink.posts) {
      if (blog::is_published(post) &&
          (post.has_password || !(post.status == blog::Visibility::Published))) {
        std::fprintf(stderr, "post %lld is published with status %s\n",
                     static_cast<long long>(post.id), post.status.name().c_str());
        std::abort();
      }
    }
  }
  return 0;
}

}  // namespace blogarchive::fuzz
