#include "core/slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "core/url.hpp"

namespace blogarchive::core {
namespace {

// German umlauts get their two-letter spelling before the generic Latin-ASCII step
// would drop the dots; everything that is not a letter or digit becomes one hyphen.
constexpr const char* kSlugRules =
    "ä > ae; ö > oe; ü > ue; Ä > Ae; Ö > Oe; Ü > Ue; ß > ss; ẞ > SS;"
    ":: Any-Latin; :: Latin-ASCII; :: Lower;"
    "[^a-z0-9]+ > '-';";

const icu::Transliterator& slug_transliterator() {
  static std::unique_ptr<icu::Transliterator> transliterator = [] {
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createFromRules(
        "blogarchive-slug", icu::UnicodeString::fromUTF8(kSlugRules), UTRANS_FORWARD, parse_error,
        status));
    if (U_FAILURE(status) || !created) {
      std::abort();  // the rules are a constant: failing here is a build defect
    }
    return created;
  }();
  return *transliterator;
}

}  // namespace

std::string slugify(std::string_view title) {
  static std::mutex mutex;  // ICU transliterators are not thread-safe
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(title.data(), static_cast<int32_t>(title.size())));
  {
    const std::lock_guard lock(mutex);
    slug_transliterator().transliterate(text);
  }
  std::string slug;
  text.toUTF8String(slug);
  const auto first = slug.find_first_not_of('-');
  if (first == std::string::npos) {
    return {};
  }
  const auto last = slug.find_last_not_of('-');
  return slug.substr(first, last - first + 1);
}

std::string slug_of_url(std::string_view url) {
  std::string path = split_url(url).path;
  while (!path.empty() && path.back() == '/') {
    path.pop_back();
  }
  const std::string last = path.substr(path.rfind('/') + 1);
  return slugify(percent_decode(last.substr(0, last.find('.'))));
}

}  // namespace blogarchive::core
