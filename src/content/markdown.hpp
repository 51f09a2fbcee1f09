#pragma once
#include <string>
#include <string_view>

namespace blogarchive::content {

/// CommonMark with GitHub's extensions (tables, strikethrough, autolinks, task lists,
/// footnotes) to HTML. Raw HTML in the source is passed through on purpose: the result
/// always goes through the sanitizer next, which is the one place that decides what is
/// safe, so Markdown and imported HTML follow the same rules.
std::string markdown_to_html(std::string_view markdown);

}  // namespace blogarchive::content
