#include "importers/movabletype/mt_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <regex>
#include <set>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/hash.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "importers/author_collector.hpp"
#include "importers/derived_id.hpp"
#include "importers/movabletype/mt_format.hpp"

namespace blogarchive::importers::movabletype {
namespace {

// Movable Type's STATUS values, as WordPress's statuses (which is_published knows).
std::string status_of(const Entry& entry) {
  std::string status = core::to_lower_ascii(core::trim(entry.value("STATUS")));
  if (status == "publish" || status.empty()) {
    return "publish";
  }
  if (status == "review") {
    return "pending";
  }
  return status;  // draft, future, unpublish, …: never published
}

// CONVERT BREAKS: which text filter Movable Type ran on the body.
blog::Markup markup_of(const Entry& entry, const std::string& where,
                       core::Diagnostics& diagnostics) {
  const std::string filter = core::to_lower_ascii(core::trim(entry.value("CONVERT BREAKS")));
  if (filter == "0" || filter == "richtext" || filter == "wysiwyg") {
    return blog::Markup::Html;
  }
  if (filter == "markdown" || filter == "markdown_with_smartypants") {
    return blog::Markup::Markdown;
  }
  if (filter.empty() || filter == "1" || filter == "__default__" || filter == "convert_breaks") {
    return blog::Markup::Paragraphs;
  }
  diagnostics.warn(where,
                   fmt::format("text filter \"{}\" is not available; the text is shown with its "
                               "line breaks as paragraphs",
                               filter));
  return blog::Markup::Paragraphs;
}

// TAGS: "Movable Type",foo,bar — commas split, double quotes group.
std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  std::string current;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      tags.push_back(std::string(core::trim(current)));
      current.clear();
    } else {
      current += c;
    }
  }
  tags.push_back(std::string(core::trim(current)));
  std::erase_if(tags, [](const std::string& tag) { return tag.empty(); });
  return tags;
}

// A commenter's URL, even when the export holds it as a whole link (<a href="…">…</a>).
std::string url_of(std::string_view raw) {
  static const std::regex href(R"(href\s*=\s*["']([^"']*)["'])", std::regex::icase);
  std::string text(core::trim(raw));
  std::smatch match;
  if (std::regex_search(text, match, href)) {
    return match[1].str();
  }
  return text;
}

blog::Comment comment_of(const Feedback& feedback, bool ping, const std::string& identity) {
  blog::Comment comment;
  comment.id = derived_id(identity);
  comment.author_name =
      std::string(core::trim(ping ? feedback.value("BLOG NAME") : feedback.value("AUTHOR")));
  if (comment.author_name.empty()) {
    comment.author_name = std::string(core::trim(feedback.value("TITLE")));
  }
  comment.author_url = url_of(feedback.value("URL"));
  comment.date = parse_mt_date(feedback.value("DATE"));
  comment.content = feedback.text;
  // Movable Type exports only published feedback; junk stays in the old installation.
  comment.status = "1";
  comment.type = ping ? "trackback" : "comment";
  // EMAIL and IP are never read: the archive must not publish them.
  return comment;
}

struct Terms {
  std::set<std::pair<blog::TermKind, std::string>> seen;  ///< taxonomy, slug
  std::vector<blog::Term> list;
  blog::TermRef add(blog::TermKind kind, const std::string& name) {
    std::string slug = core::slugify(name);
    if (slug.empty()) {
      slug = fmt::format("{}-{:x}", kind == blog::TermKind::Category ? "category" : "tag",
                         core::stable_hash(name) & 0xffff);
    }
    if (seen.emplace(kind, slug).second) {
      list.push_back({kind, slug, name, "", ""});
    }
    return {kind, slug, name};
  }
};

blog::Post post_of(const Entry& entry, const std::string& file_name,
                   std::map<std::string, int>& identities, Terms& terms,
                   core::Diagnostics& diagnostics) {
  blog::Post post;
  post.source = fmt::format("{}:{}", file_name, entry.line);
  post.type = blog::ItemKind::Article;
  post.status = blog::PostStatus::named(status_of(entry));
  post.title = entry.value("TITLE");
  post.author_login = std::string(core::trim(entry.value("AUTHOR")));
  post.link = std::string(core::trim(entry.value("UNIQUE URL")));
  post.date = parse_mt_date(entry.value("DATE"));
  if (!post.date && !core::trim(entry.value("DATE")).empty()) {
    diagnostics.warn(post.source, fmt::format("DATE \"{}\" is not MM/DD/YYYY hh:mm:ss [AM|PM]",
                                              entry.value("DATE")));
  }
  post.slug = std::string(core::trim(entry.value("BASENAME")));
  if (post.slug.empty()) {
    post.slug = core::slugify(post.title);
  }
  post.markup = markup_of(entry, post.source, diagnostics);
  post.content = entry.section("BODY");
  if (const std::string more = entry.section("EXTENDED BODY"); !core::trim(more).empty()) {
    // Its own paragraphs after the break; the archive shows both, excerpts stop here.
    post.content += "\n\n<!--more-->\n\n" + more;
  }
  post.excerpt = entry.section("EXCERPT");

  std::string identity =
      !post.link.empty() ? post.link : post.slug + "|" + entry.value("DATE") + "|" + post.title;
  if (const int seen = identities[identity]++; seen > 0) {
    identity += fmt::format("#{}", seen);  // an exact duplicate entry stays a second post
  }
  post.guid = "movabletype:" + identity;
  post.id = derived_id(post.guid);

  std::vector<std::string> categories = entry.values("CATEGORY");
  if (const std::string primary = entry.value("PRIMARY CATEGORY"); !primary.empty()) {
    categories.insert(categories.begin(), primary);
  }
  std::set<std::string> seen_categories;
  for (const auto& name : categories) {
    if (!core::trim(name).empty() && seen_categories.insert(std::string(core::trim(name))).second) {
      post.terms.push_back(terms.add(blog::TermKind::Category, std::string(core::trim(name))));
    }
  }
  for (const auto& tag : split_tags(entry.value("TAGS"))) {
    post.terms.push_back(terms.add(blog::TermKind::Tag, tag));
  }
  for (std::size_t i = 0; i < entry.comments.size(); ++i) {
    post.comments.push_back(
        comment_of(entry.comments[i], false, post.guid + "#comment-" + std::to_string(i)));
  }
  for (std::size_t i = 0; i < entry.pings.size(); ++i) {
    post.comments.push_back(
        comment_of(entry.pings[i], true, post.guid + "#ping-" + std::to_string(i)));
  }
  return post;
}

}  // namespace

std::optional<core::DateTime> parse_mt_date(std::string_view text) {
  static const std::regex pattern(
      R"(^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$)");
  const std::string value(text);
  std::smatch match;
  if (!std::regex_match(value, match, pattern)) {
    return std::nullopt;
  }
  core::DateTime date{std::stoi(match[3]), std::stoi(match[1]),
                      std::stoi(match[2]), std::stoi(match[4]),
                      std::stoi(match[5]), match[6].matched ? std::stoi(match[6]) : 0};
  if (match[7].matched) {
    const bool pm = match[7].str()[0] == 'P' || match[7].str()[0] == 'p';
    if (date.hour < 1 || date.hour > 12) {
      return std::nullopt;
    }
    date.hour = date.hour % 12 + (pm ? 12 : 0);  // 12:xx AM is 00:xx, 12:xx PM stays 12:xx
  }
  const bool valid = date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 &&
                     date.hour < 24 && date.minute < 60 && date.second < 61;
  return valid ? std::optional(date) : std::nullopt;
}

bool MtImporter::recognizes(std::string_view head) const {
  return looks_like_export(head);
}

void MtImporter::read(const std::filesystem::path& file, const ReadOptions& /*options*/,
                      blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  const std::string file_name = file.filename().string();
  const auto raw = core::read_file(file);
  if (!raw) {
    throw InputError(fmt::format("{}: cannot read the file", file.string()));
  }
  std::size_t repaired = 0;
  const std::string text =
      core::is_valid_utf8(*raw) ? *raw : core::repair_windows_1252(*raw, repaired);
  if (repaired > 0) {
    const auto at = core::line_and_column(*raw, *core::invalid_utf8_at(*raw));
    diagnostics.warn(
        fmt::format("{}:{}:{}", file_name, at.first, at.second),
        fmt::format("{} bytes were not UTF-8 and were read as Windows-1252 (the first here)",
                    repaired));
  }
  const std::vector<Entry> entries = parse_export(text);
  if (entries.empty()) {
    throw InputError(
        fmt::format("{}: no Movable Type entries (AUTHOR:/TITLE: lines, sections between "
                    "lines of five dashes, entries ended by a line of eight)",
                    file_name));
  }
  blog::SiteInfo site;
  site.format = "movabletype";  // the export names neither the blog nor its address
  sink.site(site);
  std::map<std::string, int> identities;
  Terms terms;
  std::vector<blog::Post> posts;
  AuthorCollector authors(sink);
  for (const auto& entry : entries) {
    posts.push_back(post_of(entry, file_name, identities, terms, diagnostics));
    authors.add(posts.back().author_login);
  }
  for (const auto& term : terms.list) {
    sink.term(term);
  }
  for (const auto& post : posts) {
    sink.post(post);
  }
}

}  // namespace blogarchive::importers::movabletype
