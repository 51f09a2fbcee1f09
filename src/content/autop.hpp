#pragma once
#include <string>
#include <string_view>

namespace blogarchive::content {

/// WordPress stores bodies without paragraphs; this applies its "autop" rules: a blank
/// line separates paragraphs, a single newline becomes <br /> (when `line_breaks`),
/// nothing inside <pre>, no <p> around block elements. Our own implementation of the
/// rules, checked against Pelican's worked example.
std::string autop(std::string_view input, bool line_breaks = true);

}  // namespace blogarchive::content
