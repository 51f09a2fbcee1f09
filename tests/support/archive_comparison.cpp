#include "archive_comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "blog/post.hpp"
#include "core/dates.hpp"
#include "site/paths.hpp"
#include "store/store.hpp"
#include "text_blocks.hpp"

namespace blogarchive::testing {
namespace {}  // namespace

std::map<std::int64_t, blog::Post> published(const std::filesystem::path& store_path) {
  auto store = store::Store::open(store_path, false);
  std::map<std::int64_t, blog::Post> posts;
  for (auto& post : store.load_snapshot().posts) {
    if (blog::is_published(post)) {
      posts.emplace(post.id, std::move(post));
    }
  }
  return posts;
}

namespace {

std::map<std::string, std::string> display_names(const std::filesystem::path& store_path) {
  std::map<std::string, std::string> names;
  for (const auto& author : store::Store::open(store_path, false).load_snapshot().authors) {
    names[author.login] = author.display_name;
  }
  return names;
}

std::set<std::string> term_keys(const blog::Post& post) {
  std::set<std::string> keys;
  for (const auto& term : post.terms) {
    keys.insert(term.taxonomy.name() + ":" + term.slug);
  }
  return keys;
}

}  // namespace

std::vector<std::string> comment_keys(const blog::Post& post) {
  std::vector<std::string> keys;
  for (const auto& comment : post.comments) {
    if (comment.is_approved() && !comment.is_ping()) {
      // The user id too: it marks the post author's own replies.
      keys.push_back(fmt::format("{} (reply to {}) by {} (user {}) at {}", comment.id,
                                 comment.parent_id, comment.author_name, comment.user_id,
                                 comment.date ? core::to_sql(*comment.date) : "?"));
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

namespace {

// What differs between the WXR route and the REST route for one item, one line each.
std::vector<std::string> differences(const std::string& wxr_label, const std::string& rest_label,
                                     const blog::Post& wxr, const blog::Post& rest,
                                     const std::map<std::string, std::string>& wxr_names,
                                     const std::map<std::string, std::string>& rest_names,
                                     const std::map<std::string, std::string>& wxr_site,
                                     const std::map<std::string, std::string>& rest_site) {
  std::vector<std::string> found;
  const auto differ = [&](const std::string& what, const auto& a, const auto& b) {
    if (a != b) {
      found.push_back(fmt::format("{}: {} «{}», {} «{}»", what, wxr_label, fmt::join(a, " | "),
                                  rest_label, fmt::join(b, " | ")));
    }
  };
  const auto one = [](const std::string& value) { return std::vector<std::string>{value}; };
  differ("type", one(wxr.type.name()), one(rest.type.name()));
  differ("permalink", one(wxr.link), one(rest.link));
  differ("slug", one(wxr.slug), one(rest.slug));
  differ("date", one(wxr.date ? core::to_sql(*wxr.date) : ""),
         one(rest.date ? core::to_sql(*rest.date) : ""));
  differ("title", one(without_texturize(wxr.title)), one(without_texturize(rest.title)));
  const auto name = [](const auto& names, const std::string& login) {
    const auto at = names.find(login);
    return at == names.end() ? "(unknown " + login + ")" : at->second;
  };
  differ("author", one(name(wxr_names, wxr.author_login)),
         one(name(rest_names, rest.author_login)));
  differ("terms", term_keys(wxr), term_keys(rest));
  // The API hands out an excerpt for every post; only the author's own may arrive.
  differ("excerpt", one(wxr.excerpt.empty() ? "none" : "hand-written"),
         one(rest.excerpt.empty() ? "none" : "hand-written"));
  differ("comments", comment_keys(wxr), comment_keys(rest));
  const auto page = [](const auto& site, const blog::Post& post) -> std::string {
    const auto path = site::path_of_url(post.link);
    const auto at = path ? site.find(site::output_file(*path)) : site.end();
    return at == site.end() ? std::string() : archive_content(at->second);
  };
  const std::string wxr_page = page(wxr_site, wxr);
  const std::string rest_page = page(rest_site, rest);
  if (wxr_page.empty() || rest_page.empty()) {
    found.push_back(fmt::format("page: {} in the {} archive, {} in the {} archive",
                                wxr_page.empty() ? "missing" : "present", wxr_label,
                                rest_page.empty() ? "missing" : "present", rest_label));
  } else {
    const auto wxr_blocks = blocks_of(wxr_page);
    const auto rest_blocks = blocks_of(rest_page);
    if (wxr_blocks != rest_blocks) {
      std::size_t i = 0;
      while (i < wxr_blocks.size() && i < rest_blocks.size() && wxr_blocks[i] == rest_blocks[i]) {
        ++i;
      }
      found.push_back(fmt::format(
          "body: block {} of {}/{}: {} «{}», {} «{}»", i + 1, wxr_blocks.size(), rest_blocks.size(),
          wxr_label, i < wxr_blocks.size() ? wxr_blocks[i].substr(0, 160) : "(none)", rest_label,
          i < rest_blocks.size() ? rest_blocks[i].substr(0, 160) : "(none)"));
    }
  }
  return found;
}

}  // namespace

ArchiveComparison compare_archives(const BuiltRoute& expected, const BuiltRoute& actual,
                                   const std::set<std::string>& explained) {
  const auto wxr_posts = published(expected.store);
  const auto rest_posts = published(actual.store);
  const auto wxr_names = display_names(expected.store);
  const auto rest_names = display_names(actual.store);
  ArchiveComparison result;
  result.compared = wxr_posts.size();
  std::vector<std::string> report;
  for (const auto& [id, wxr] : wxr_posts) {
    const auto rest = rest_posts.find(id);
    if (rest == rest_posts.end()) {
      report.push_back(fmt::format("{}: not in the {} archive", blog::describe(wxr), actual.label));
      result.unexplained.push_back(report.back());
      continue;
    }
    const auto found = differences(expected.label, actual.label, wxr, rest->second, wxr_names,
                                   rest_names, expected.files, actual.files);
    result.agreeing += found.empty() ? 1 : 0;
    for (const auto& difference : found) {
      report.push_back(blog::describe(wxr) + ": " + difference);
      if (explained.count(blog::describe(wxr) + ": " +
                          difference.substr(0, difference.find(':'))) == 0) {
        result.unexplained.push_back(report.back());
      }
    }
  }
  for (const auto& [id, rest] : rest_posts) {
    if (wxr_posts.count(id) == 0) {
      report.push_back(
          fmt::format("{}: only in the {} archive", blog::describe(rest), actual.label));
      result.unexplained.push_back(report.back());
    }
  }
  // The blog as a whole: its site icon (an option in the database and over REST, an
  // attachment's context in the export).
  const std::string expected_icon =
      store::Store::open(expected.store, false).site_value("icon_url");
  const std::string actual_icon = store::Store::open(actual.store, false).site_value("icon_url");
  if (expected_icon != actual_icon) {
    report.push_back(fmt::format("site icon: {} \"{}\", {} \"{}\"", expected.label, expected_icon,
                                 actual.label, actual_icon));
    result.unexplained.push_back(report.back());
  }
  result.site_icon = expected_icon;
  result.summary = fmt::format("{} of {} published items agree between the {} and the {} archive\n",
                               result.agreeing, result.compared, expected.label, actual.label);
  for (const auto& line : report) {
    result.summary += "- " + line + "\n";
  }
  return result;
}

}  // namespace blogarchive::testing
