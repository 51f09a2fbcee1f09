#include "core/image_size.hpp"

#include <gtest/gtest.h>

#include "core/files.hpp"
#include "test_paths.hpp"

namespace blogarchive::core {
namespace {

std::string file(const std::string& path) {
  return read_file(testing::source_dir() / path).value_or("");
}

}  // namespace

TEST(ImageSize, ReadsTheSizeFromTheHeaderOfEachFormat) {
  EXPECT_EQ(image_size(file("examples/uploads/2007/03/hobelbank.jpg")), (ImageSize{1200, 800}));
  EXPECT_EQ(image_size(file("examples/uploads/2010/04/truhe-fertig-150x150.jpg")),
            (ImageSize{150, 150}));
  EXPECT_EQ(image_size(file("tests/images/7x5.png")), (ImageSize{7, 5}));
  EXPECT_EQ(image_size(file("tests/images/7x5.webp")), (ImageSize{7, 5}));
  // GIF: the logical screen size follows the signature.
  EXPECT_EQ(image_size(std::string("GIF89a\x0c\x00\x22\x01\x80\x00\x00", 13)),
            (ImageSize{12, 290}));
}

TEST(ImageSize, IsUnknownForOtherFilesAndDamagedHeaders) {
  EXPECT_EQ(image_size(""), std::nullopt);
  EXPECT_EQ(image_size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"),
            std::nullopt);
  EXPECT_EQ(image_size(file("examples/uploads/2010/02/notizen-steuer.txt")), std::nullopt);
  const std::string jpeg = file("examples/uploads/2007/03/hobelbank.jpg");
  EXPECT_EQ(image_size(jpeg.substr(0, 20)), std::nullopt);  // cut before its frame header
}

}  // namespace blogarchive::core
