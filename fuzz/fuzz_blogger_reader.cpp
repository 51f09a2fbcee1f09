// libFuzzer target: the Blogger backup reader on arbitrary bytes.
// Bad input may only end in InputError (a message for the user), never in a crash, a
// hang or another exception; and nothing it yields as published may be unpublished.
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
#include "importers/blogger/blogger_reader.hpp"

namespace {

// The reader streams from a file, as it does for real exports.
const std::filesystem::path& input_file() {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("blogarchive-fuzz-blogger-" + std::to_string(::getpid()) + ".xml");
  return path;
}

void read(const std::uint8_t* data, std::size_t size, bool recover) {
  std::ofstream(input_file(), std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                        static_cast<std::streamsize>(size));
  blogarchive::blog::VectorSink sink;
  blogarchive::core::Diagnostics diagnostics;
  blogarchive::importers::ReadOptions options;
  options.recover = recover;
  try {
    blogarchive::importers::blogger::BloggerImporter().read(input_file(), options, sink, diagnostics);
  } catch (const blogarchive::InputError&) {
    return;  // the expected answer to bad input
  }
  for (const auto& post : sink.posts) {
    if (blogarchive::blog::is_published(post) && (post.has_password || post.status != "publish")) {
      std::fprintf(stderr, "post %lld is published with status %s\n", static_cast<long long>(post.id),
                   post.status.c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  read(data, size, false);
  return 0;
}
