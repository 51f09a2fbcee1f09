#include "core/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/text.hpp"

namespace blogarchive::core {
namespace {

// The byte MySQL's latin1 (Windows-1252, with 0x81, 0x8D, 0x8F, 0x90 and 0x9D standing
// for themselves, as ICU's converter has them) shows as `c`; -1 for none.
int mysql_latin1_byte(UChar32 c) {
  static const std::array<UChar32, 32> kHigh = [] {
    std::array<UChar32, 32> high{};
    for (int byte = 0x80; byte <= 0x9F; ++byte) {
      const char raw = static_cast<char>(byte);
      high[static_cast<std::size_t>(byte - 0x80)] =
          icu::UnicodeString(&raw, 1, "windows-1252").char32At(0);
    }
    return high;
  }();
  if ((c >= 0 && c <= 0x7F) || (c >= 0xA0 && c <= 0xFF)) {
    return c;
  }
  const auto at = std::find(kHigh.begin(), kHigh.end(), c);
  return at == kHigh.end() ? -1 : 0x80 + static_cast<int>(at - kHigh.begin());
}

struct DetectorDeleter {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

}  // namespace

std::optional<DetectedEncoding> detect_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorDeleter> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) {
    return std::nullopt;
  }
  const char* name = ucsdet_getName(match, &status);
  const int confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) {
    return std::nullopt;
  }
  return DetectedEncoding{name, confidence};
}

std::optional<std::string> decode_as(std::string_view bytes, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) {
    return std::nullopt;
  }
  ucnv_close(converter);
  std::string utf8;
  icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), name.c_str())
      .toUTF8String(utf8);
  return utf8;
}

std::string repair_double_encoding(std::string_view text, bool& repaired, SingleBytes as) {
  repaired = false;
  std::string bytes;
  bool beyond_ascii = false;
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c = 0;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    const int byte =
        as == SingleBytes::Latin1 ? (c >= 0 && c <= 0xFF ? c : -1) : mysql_latin1_byte(c);
    if (byte < 0) {
      return std::string(text);
    }
    beyond_ascii = beyond_ascii || byte > 0x7F;
    bytes += static_cast<char>(byte);
  }
  if (!beyond_ascii || !is_valid_utf8(bytes)) {
    return std::string(text);
  }
  repaired = true;
  return bytes;
}

std::string repair_c1_controls(std::string_view text, std::size_t& repaired) {
  std::string out;
  out.reserve(text.size());
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c >= 0x80 && c <= 0x9F) {
      const char byte = static_cast<char>(c);
      const icu::UnicodeString meant(&byte, 1, "windows-1252");
      meant.toUTF8String(out);
      repaired += meant.char32At(0) != c ? 1 : 0;  // 0x81, 0x8D, … have no other meaning
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace blogarchive::core
