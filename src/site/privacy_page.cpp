#include "site/privacy_page.hpp"

#include <fmt/format.h>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

namespace blogarchive::site {
namespace {

std::string read_markdown(const std::filesystem::path& path) {
  auto text = core::read_file(path);
  if (!text) {
    throw InputError(
        fmt::format("cannot read the privacy policy '{}' (cookie_notice.privacy_markdown); "
                    "check the path, which is relative to the config file",
                    path.string()));
  }
  std::string markdown = std::move(*text);
  if (const auto bad = core::invalid_utf8_at(markdown)) {
    const auto [line, column] = core::line_and_column(markdown, *bad);
    throw InputError(fmt::format("{}:{}:{}: the privacy policy is not UTF-8; save it as UTF-8",
                                 path.string(), line, column));
  }
  if (markdown.rfind("\xEF\xBB\xBF", 0) == 0) {
    markdown.erase(0, 3);  // editors on Windows like to start files with a BOM
  }
  return markdown;
}

// Splits off a leading "# Title" line: the page template shows the title itself.
std::pair<std::string, std::string> split_title(const std::string& markdown) {
  std::size_t at = 0;
  while (at < markdown.size() && (markdown[at] == '\n' || markdown[at] == '\r')) {
    ++at;
  }
  if (markdown.compare(at, 2, "# ") != 0) {
    return {{}, markdown};
  }
  const std::size_t end = markdown.find('\n', at);
  const std::string title(
      core::trim(markdown.substr(at + 2, end == std::string::npos ? end : end - at - 2)));
  return {title, end == std::string::npos ? std::string{} : markdown.substr(end + 1)};
}

}  // namespace

std::optional<blog::Post> load_privacy_page(const SiteConfig& config,
                                            const std::string& fallback_title,
                                            const std::vector<std::string>& notes) {
  const auto& path = config.cookie_notice.privacy_markdown;
  if (path.empty()) {
    return std::nullopt;
  }
  auto [title, body] = split_title(read_markdown(path));
  blog::Post page;
  page.id = kPrivacyPageId;
  page.type = blog::ItemKind::Page;
  page.status = blog::Visibility::Published;
  page.markup = blog::Markup::Markdown;
  page.title = title.empty() ? fallback_title : title;
  page.link = config.cookie_notice.privacy_url;
  page.slug = "privacy";
  page.content = std::move(body);
  for (const auto& note : notes) {
    page.content += "\n\n" + note + "\n";
  }
  page.source = path.string();
  return page;
}

}  // namespace blogarchive::site
