#include "core/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

namespace blogarchive::core {

struct Collation::Impl {
  std::unique_ptr<icu::Collator> collator;
};

Collation::Collation(std::string_view language) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(
      icu::Collator::createInstance(icu::Locale(std::string(language).c_str()), status));
  if (U_FAILURE(status)) {
    // ICU always has its root collation; a locale it lacks falls back to that.
    impl_->collator.reset();
  }
}

Collation::~Collation() = default;

bool Collation::less(std::string_view a, std::string_view b) const {
  if (impl_->collator) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    if (U_SUCCESS(status) && result != UCOL_EQUAL) {
      return result == UCOL_LESS;
    }
  }
  return a < b;
}

}  // namespace blogarchive::core
