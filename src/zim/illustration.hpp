#pragma once
#include <string>

namespace blogarchive::zim {

/// The 48×48 PNG every ZIM must carry as its illustration (Kiwix shows it in its
/// library): an open book on the archive's wood-brown, drawn here pixel by pixel.
std::string default_illustration_png();

}  // namespace blogarchive::zim
