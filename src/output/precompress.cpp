#include "output/precompress.hpp"

#include <brotli/encode.h>
#include <libdeflate.h>

#include <array>
#include <memory>

#include "blogarchive/error.hpp"

namespace blogarchive::output {
namespace {

constexpr std::size_t kSmallest = 512;

bool is_text(std::string_view path) {
  constexpr std::array<std::string_view, 7> kExtensions = {".html", ".xml",  ".css", ".js",
                                                           ".txt",  ".json", ".svg"};
  for (const auto extension : kExtensions) {
    if (path.size() > extension.size() &&
        path.substr(path.size() - extension.size()) == extension) {
      return true;
    }
  }
  return false;
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* compressor) const {
    libdeflate_free_compressor(compressor);
  }
};

}  // namespace

std::string gzip(std::string_view bytes, int level) {
  if (level < 1 || level > 12) {
    throw OutputError("gzip level must be 1 to 12");
  }
  // One compressor per thread and level: making one allocates its tables.
  thread_local std::array<std::unique_ptr<libdeflate_compressor, CompressorDeleter>, 13>
      compressors;
  auto& compressor = compressors[static_cast<std::size_t>(level)];
  if (!compressor) {
    compressor.reset(libdeflate_alloc_compressor(level));
  }
  if (!compressor) {
    throw OutputError("cannot allocate a gzip compressor");
  }
  std::string out(libdeflate_gzip_compress_bound(compressor.get(), bytes.size()), '\0');
  const std::size_t size = libdeflate_gzip_compress(compressor.get(), bytes.data(), bytes.size(),
                                                    out.data(), out.size());
  if (size == 0) {
    throw OutputError("gzip compression failed");
  }
  out.resize(size);
  return out;
}

std::string brotli(std::string_view bytes) {
  std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  std::string out(size, '\0');
  if (BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, bytes.size(),
                            reinterpret_cast<const std::uint8_t*>(bytes.data()), &size,
                            reinterpret_cast<std::uint8_t*>(out.data())) == BROTLI_FALSE) {
    throw OutputError("Brotli compression failed");
  }
  out.resize(size);
  return out;
}

bool PrecompressingSink::compresses(const std::string& path, std::size_t size) const {
  return formats_.any() && size >= kSmallest && is_text(path);
}

bool PrecompressingSink::keep(const std::string& path, const FileStamp& stamp,
                              const std::vector<std::string>& companions) {
  std::vector<std::string> all = companions;
  if (compresses(path, static_cast<std::size_t>(stamp.size))) {
    for (const auto& [wanted, extension] :
         {std::pair{formats_.gzip, ".gz"}, std::pair{formats_.brotli, ".br"}}) {
      if (wanted) {
        all.push_back(path + extension);
      }
    }
  }
  return next_.keep(path, stamp, all);
}

void PrecompressingSink::write(const std::string& path, std::string_view bytes) {
  next_.write(path, bytes);
  if (!compresses(path, bytes.size())) {
    return;
  }
  if (formats_.gzip) {
    next_.write(path + ".gz", gzip(bytes));
  }
  if (formats_.brotli) {
    next_.write(path + ".br", brotli(bytes));
  }
}

}  // namespace blogarchive::output
