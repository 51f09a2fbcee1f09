#pragma once
// The pixel size of an image file, read from its header: what width/height attributes
// and srcset descriptors need, without decoding the picture.
#include <optional>
#include <string_view>

namespace blogarchive::core {

struct ImageSize {
  int width = 0;
  int height = 0;
  bool operator==(const ImageSize&) const = default;
};

/// The size of a JPEG, PNG, GIF, BMP or WebP image; nullopt for anything else (SVG,
/// PDF, a damaged header).
std::optional<ImageSize> image_size(std::string_view bytes);

/// The same proportions within rounding (2 %): WordPress's 300x200 of a 1024x683 original,
/// not its square thumbnail crop.
bool same_proportions(ImageSize a, ImageSize b);

}  // namespace blogarchive::core
