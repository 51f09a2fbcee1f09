#include "importers/sitefolders/site_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

void walk(const std::filesystem::path& folder, const std::string& relative,
          const std::function<bool(const std::string&, const std::string&)>& skip_folder,
          std::vector<SiteFile>& files) {
  std::vector<std::filesystem::directory_entry> entries;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    entries.push_back(entry);
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.')) {
      continue;
    }
    std::string path = relative;
    if (!path.empty()) {
      path += '/';
    }
    path += name;
    if (entry.is_directory()) {
      if (!skip_folder(path, name)) {
        walk(entry.path(), path, skip_folder, files);
      }
    } else if (entry.is_regular_file()) {
      files.push_back({entry.path(), path});
    }
  }
}

}  // namespace

std::vector<SiteFile> list_files(
    const std::filesystem::path& root,
    const std::function<bool(const std::string&, const std::string&)>& skip_folder) {
  std::vector<SiteFile> files;
  try {
    walk(root, "", skip_folder, files);
  } catch (const std::filesystem::filesystem_error& error) {
    throw InputError(fmt::format("cannot read the folder '{}': {}", error.path1().string(),
                                 error.code().message()));
  }
  return files;
}

std::optional<TextFile> read_text_file(const SiteFile& file, const ReadOptions& options,
                                       core::Diagnostics& diagnostics) {
  const auto bytes = core::read_file(file.path);
  if (!bytes) {
    throw InputError(
        fmt::format("cannot read '{}'; check that it exists and is readable", file.path.string()));
  }
  const bool utf16 = bytes->starts_with("\xFF\xFE") || bytes->starts_with("\xFE\xFF");
  if (!utf16 && bytes->find('\0') != std::string::npos) {
    diagnostics.warn(file.path.string(), "a binary file, not a text post; skipped");
    return std::nullopt;
  }
  const std::string text = decode_text(*bytes, file.path.string(), diagnostics);
  try {
    return split_front_matter(text, file.path.string());
  } catch (const InputError& error) {
    if (!options.recover) {
      throw;
    }
    diagnostics.warn(file.path.string(), std::string(error.what()) + "; skipped (--recover)");
    return std::nullopt;
  }
}

std::optional<blog::Markup> markup_of_extension(std::string extension,
                                                const std::set<std::string>& markdown_extensions) {
  extension = core::to_lower_ascii(extension);
  if (extension.starts_with('.')) {
    extension.erase(0, 1);
  }
  if (markdown_extensions.contains(extension)) {
    return blog::Markup::Markdown;
  }
  if (extension == "html" || extension == "htm") {
    return blog::Markup::Html;
  }
  // Text that Jekyll copied unconverted, and filters we cannot run (Textile, R
  // Markdown): their line breaks are kept as paragraphs.
  static const std::set<std::string> plain{"text", "txt", "textile", "rmd"};
  if (plain.contains(extension)) {
    return blog::Markup::Paragraphs;
  }
  return std::nullopt;
}

std::string join_url(const std::string& base, const std::string& path) {
  if (base.empty()) {
    return path;
  }
  std::string joined = base;
  while (joined.ends_with('/')) {
    joined.pop_back();
  }
  return joined + (path.starts_with('/') ? path : "/" + path);
}

std::optional<NamedDate> date_in_file_name(const std::string& name) {
  static const std::regex pattern(R"(^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.+)$)");
  std::smatch match;
  if (!std::regex_match(name, match, pattern)) {
    return std::nullopt;
  }
  const core::DateTime date{std::stoi(match[1]), std::stoi(match[2]), std::stoi(match[3]), 0, 0, 0};
  if (!core::parse_datetime(
          fmt::format("{:04}-{:02}-{:02} 00:00:00", date.year, date.month, date.day))) {
    return std::nullopt;  // 2010-13-45 is no date
  }
  return NamedDate{date, match[4]};
}

std::pair<std::string, std::string> split_extension(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) {
    return {name, ""};
  }
  return {name.substr(0, dot), name.substr(dot)};
}

std::string title_from_slug(const std::string& slug) {
  std::string title;
  for (const auto word : core::split(slug, '-')) {
    if (word.empty()) {
      continue;
    }
    title += title.empty() ? "" : " ";
    title += word;
    const char first = title[title.size() - word.size()];
    if (first >= 'a' && first <= 'z') {
      title[title.size() - word.size()] = static_cast<char>(first - 'a' + 'A');
    }
  }
  return title;
}

std::string login_of(std::string_view name) {
  const std::string trimmed(core::trim(name));
  std::string login = core::slugify(trimmed);
  return login.empty() ? trimmed : login;
}

}  // namespace blogarchive::importers::sitefolders

#include <chrono>

#include "core/dates.hpp"

namespace blogarchive::importers::sitefolders {

std::optional<FrontMatterDate> parse_front_matter_date(std::string_view text) {
  static const std::regex pattern(
      R"(^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$)");
  const std::string value(core::trim(text));
  std::smatch m;
  if (!std::regex_match(value, m, pattern)) {
    return std::nullopt;
  }
  const auto number = [&](int index) { return m[index].matched ? std::stoi(m[index].str()) : 0; };
  const auto local =
      core::parse_datetime(fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", number(1), number(2),
                                       number(3), number(4), number(5), number(6)));
  if (!local) {
    return std::nullopt;  // 2010-02-30 is no date
  }
  FrontMatterDate date{*local, std::nullopt};
  if (m[7].matched) {
    date.utc = *local;
  } else if (m[8].matched) {
    const int offset = (number(9) * 60 + number(10)) * (m[8].str() == "-" ? -1 : 1);
    date.utc = core::shift_minutes(*local, -offset);
  }
  return date;
}

void set_post_date(blog::Post& post, std::string_view text, core::Diagnostics& diagnostics) {
  if (core::trim(text).empty()) {
    return;
  }
  if (const auto date = parse_front_matter_date(text)) {
    post.date = date->local;
    post.date_gmt = date->utc;
  } else {
    diagnostics.warn(post.source,
                     fmt::format("date \"{}\" is not a date (YYYY-MM-DD, optionally with a time "
                                 "and zone); the date is left out",
                                 text));
  }
}

bool is_in_future(const core::DateTime& date) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss time(now - day);
  const core::DateTime current{static_cast<int>(ymd.year()),
                               static_cast<int>(static_cast<unsigned>(ymd.month())),
                               static_cast<int>(static_cast<unsigned>(ymd.day())),
                               static_cast<int>(time.hours().count()),
                               static_cast<int>(time.minutes().count()),
                               static_cast<int>(time.seconds().count())};
  return date > current;
}

}  // namespace blogarchive::importers::sitefolders
