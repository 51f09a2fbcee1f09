#include "output/precompress.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

namespace blogarchive::output {
namespace {

std::string gunzip(std::string_view bytes) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + MAX_WBITS), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string unbrotli(std::string_view bytes) {
  std::string out(1 << 20, '\0');
  std::size_t size = out.size();
  EXPECT_EQ(
      BrotliDecoderDecompress(bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()),
                              &size, reinterpret_cast<std::uint8_t*>(out.data())),
      BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

std::string page() {
  std::string html = "<!DOCTYPE html><html lang=\"de\"><body>";
  for (int i = 0; i < 200; ++i) {
    html += "<p>Die Hobelbank steht wieder fest, Absatz " + std::to_string(i) + ".</p>\n";
  }
  return html + "</body></html>";
}

}  // namespace

TEST(Precompress, WritesGzipAndBrotliCopiesThatDecompressToTheOriginal) {
  MemorySink files;
  PrecompressingSink sink(files, {true, true});
  const std::string html = page();
  sink.write("2010/01/artikel/index.html", html);
  sink.write("assets/bild.jpg", std::string(4096, 'x'));  // not text
  sink.write("robots.txt", "User-agent: *\n");            // too small to gain anything
  ASSERT_EQ(files.files().size(), 5u);
  const std::string& gz = files.files().at("2010/01/artikel/index.html.gz");
  const std::string& br = files.files().at("2010/01/artikel/index.html.br");
  EXPECT_LT(gz.size(), html.size() / 4);
  EXPECT_LT(br.size(), html.size() / 4);
  EXPECT_EQ(gunzip(gz), html);
  EXPECT_EQ(unbrotli(br), html);
}

TEST(Precompress, WritesOnlyTheFormatsAskedFor) {
  MemorySink files;
  PrecompressingSink sink(files, {true, false});
  sink.write("index.html", page());
  EXPECT_EQ(files.files().count("index.html.gz"), 1u);
  EXPECT_EQ(files.files().count("index.html.br"), 0u);
}

TEST(Precompress, IsDeterministic) {
  const std::string html = page();
  EXPECT_EQ(gzip(html), gzip(html));
  EXPECT_EQ(brotli(html), brotli(html));
}

}  // namespace blogarchive::output
