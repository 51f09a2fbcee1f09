#include "zim/relative_links.hpp"

#include <vector>

#include "core/text.hpp"
#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::zim {
namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments = core::split(path, '/');
  return segments;
}

bool is_root_relative(std::string_view url) {
  return !url.empty() && url[0] == '/' && (url.size() == 1 || url[1] != '/');
}

// The URLs of one attribute value: one, or a srcset's candidates.
std::string rewrite_value(std::string_view name, std::string_view value, std::string_view from) {
  if (name != "srcset") {
    return is_root_relative(value) ? relative_url(from, value) : std::string(value);
  }
  std::string out;
  for (const std::string_view raw : core::split(value, ',')) {
    const std::string_view candidate = core::trim(raw);
    const auto space = candidate.find(' ');
    const std::string_view url = candidate.substr(0, space);
    out += out.empty() ? "" : ", ";
    out += is_root_relative(url) ? relative_url(from, url) : std::string(url);
    out += space == std::string_view::npos ? "" : candidate.substr(space);
  }
  return out;
}

}  // namespace

std::string relative_url(std::string_view from, std::string_view target) {
  const auto suffix_at = target.find_first_of("?#");
  const std::string_view suffix =
      suffix_at == std::string_view::npos ? "" : target.substr(suffix_at);
  // Entries are named by decoded paths; links keep their encoding.
  const std::string to = site::output_file(target.substr(0, suffix_at));
  auto from_dirs = segments_of(from);
  from_dirs.pop_back();  // the file name
  const auto to_parts = segments_of(to);
  std::size_t common = 0;
  while (common < from_dirs.size() && common + 1 < to_parts.size() &&
         from_dirs[common] == to_parts[common]) {
    ++common;
  }
  std::string out;
  for (std::size_t i = common; i < from_dirs.size(); ++i) {
    out += "../";
  }
  for (std::size_t i = common; i < to_parts.size(); ++i) {
    out += to_parts[i];
    if (i + 1 < to_parts.size()) {
      out += '/';
    }
  }
  return out + std::string(suffix);
}

std::string make_links_relative(std::string_view html, std::string_view from) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t copied = 0;
  for (std::size_t at = html.find("=\""); at != std::string_view::npos;
       at = html.find("=\"", at + 2)) {
    std::size_t name_start = at;
    while (name_start > 0 && std::isalpha(static_cast<unsigned char>(html[name_start - 1])) != 0) {
      --name_start;
    }
    const std::string_view name = html.substr(name_start, at - name_start);
    if (name_start == 0 || html[name_start - 1] != ' ' ||
        (name != "href" && name != "src" && name != "srcset" && name != "action")) {
      continue;
    }
    const std::size_t value_start = at + 2;
    const std::size_t value_end = html.find('"', value_start);
    if (value_end == std::string_view::npos) {
      break;
    }
    out.append(html.substr(copied, value_start - copied));
    out += rewrite_value(name, html.substr(value_start, value_end - value_start), from);
    copied = value_end;
  }
  out.append(html.substr(copied));
  return out;
}

std::string without_site_search(std::string html) {
  const auto begin = html.find("<form class=\"site-search\"");
  const auto end = begin == std::string::npos ? begin : html.find("</form>", begin);
  if (end != std::string::npos) {
    html.erase(begin, end + std::string_view("</form>").size() - begin);
  }
  return html;
}

}  // namespace blogarchive::zim
