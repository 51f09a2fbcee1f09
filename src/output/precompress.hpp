#pragma once
#include <string>
#include <string_view>

#include "output/sink.hpp"

namespace blogarchive::output {

/// Which compressed copies to write.
struct Precompression {
  bool gzip = false;    ///< ".gz", libdeflate level 6: about 65 MB/s per core
  bool brotli = false;  ///< ".br", quality 5: ~4 % smaller than gzip here, half its speed

  bool any() const { return gzip || brotli; }
};

/// Passes every file on and, for text files (HTML, XML, CSS, JS, TXT, JSON, SVG), also
/// compressed copies beside it, for servers that send precompressed files as they are
/// (nginx gzip_static and brotli_static, Caddy's precompressed). Both encoders are
/// deterministic (gzip without a timestamp), so the output stays byte-identical.
/// Files under 512 bytes are left alone: compressing them saves nothing on the wire.
class PrecompressingSink : public OutputSink {
 public:
  PrecompressingSink(OutputSink& next, Precompression formats) : next_(next), formats_(formats) {}
  void write(const std::string& path, std::string_view bytes) override;
  /// Keeps the compressed copies with the file.
  bool keep(const std::string& path, const FileStamp& stamp,
            const std::vector<std::string>& companions) override;

 private:
  bool compresses(const std::string& path, std::size_t size) const;

  OutputSink& next_;
  Precompression formats_;
};

/// gzip without a timestamp (deterministic). Level 6 for files served as they are;
/// other stages may trade size for speed (1–12).
std::string gzip(std::string_view bytes, int level = 6);
std::string brotli(std::string_view bytes);

}  // namespace blogarchive::output
