#include "core/image_size.hpp"

#include <stb_image.h>
#include <webp/decode.h>

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace blogarchive::core {

std::optional<ImageSize> image_size(std::string_view bytes) {
  if (bytes.empty() || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return std::nullopt;
  }
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  ImageSize size;
  // stb_image reads only the header for its info: JPEG, PNG, GIF, BMP, PSD, PNM, HDR, TGA.
  int channels = 0;
  if (stbi_info_from_memory(data, static_cast<int>(bytes.size()), &size.width, &size.height,
                            &channels) == 1 ||
      WebPGetInfo(data, bytes.size(), &size.width, &size.height) != 0) {
    if (size.width > 0 && size.height > 0) {
      return size;
    }
  }
  return std::nullopt;
}

bool same_proportions(ImageSize a, ImageSize b) {
  const long long cross_a = static_cast<long long>(a.width) * b.height;
  const long long cross_b = static_cast<long long>(b.width) * a.height;
  return std::llabs(cross_a - cross_b) * 50 <= std::max(cross_a, cross_b);
}

}  // namespace blogarchive::core
