#include "core/media_type.hpp"

#include <map>

#include "core/text.hpp"

namespace blogarchive::core {

std::string media_type(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes{{".html", "text/html; charset=utf-8"},
                                                         {".css", "text/css; charset=utf-8"},
                                                         {".js", "text/javascript; charset=utf-8"},
                                                         {".xml", "application/xml; charset=utf-8"},
                                                         {".txt", "text/plain; charset=utf-8"},
                                                         {".json", "application/json"},
                                                         {".png", "image/png"},
                                                         {".jpg", "image/jpeg"},
                                                         {".jpeg", "image/jpeg"},
                                                         {".gif", "image/gif"},
                                                         {".svg", "image/svg+xml"},
                                                         {".webp", "image/webp"},
                                                         {".ico", "image/x-icon"},
                                                         {".pdf", "application/pdf"},
                                                         {".mp3", "audio/mpeg"},
                                                         {".mp4", "video/mp4"},
                                                         {".woff2", "font/woff2"}};
  const auto found = kTypes.find(core::to_lower_ascii(file.extension().string()));
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace blogarchive::core
