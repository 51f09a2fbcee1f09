#include "pipeline/live_import.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "blogarchive/blogarchive.hpp"
#include "blogarchive/error.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "fetch/http_fetcher.hpp"
#include "pipeline/progress.hpp"
#include "store/download_journal.hpp"

namespace blogarchive::pipeline {
namespace {

constexpr int kPerPage = 100;  // the most WordPress hands out at once

// One list the import reads. `optional` lists may be closed to visitors (security
// plugins often hide users): the import goes on without them, with a warning.
struct Collection {
  const char* name;
  const char* route;
  bool optional;
};

// Anonymous visitors get approved comments of type "comment" only: WordPress answers
// type=pingback with 401 (docs/formats/importers.md).
constexpr std::array<Collection, 7> kCollections{{{"users", "wp/v2/users", true},
                                                  {"categories", "wp/v2/categories", true},
                                                  {"tags", "wp/v2/tags", true},
                                                  {"comments", "wp/v2/comments", true},
                                                  {"posts", "wp/v2/posts", false},
                                                  {"pages", "wp/v2/pages", false},
                                                  {"media", "wp/v2/media", true}}};

std::string page_url(const std::string& api_root, const Collection& collection, int page) {
  return fmt::format("{}{}{}per_page={}&page={}&orderby=id&order=asc", api_root, collection.route,
                     api_root.find('?') == std::string::npos ? "?" : "&", kPerPage, page);
}

std::string host_without_www(const std::string& url) {
  const std::string host = core::split_url(url).host;
  return host.starts_with("www.") ? host.substr(4) : host;
}

// A site may move between http and https or gain or lose "www."; anywhere else is
// another site, whose answers would not be this blog's.
bool same_site(const std::string& from, const std::string& to) {
  return host_without_www(from) == host_without_www(to);
}

fetch::FetchLimits limits_for(const ImportOptions& options) {
  fetch::FetchLimits limits;
  limits.parallel = 4;
  limits.delay = std::chrono::milliseconds(static_cast<long>(options.delay_s * 1000));
  limits.max_bytes = options.max_response_bytes;
  limits.timeout_s = 60;
  limits.attempts = 4;
  limits.user_agent = fmt::format("blogarchive/{} (archiving this blog's public pages)", version());
  limits.follow_redirect = same_site;
  return limits;
}

std::string checked_home(const std::string& address) {
  const core::UrlParts parts = core::split_url(address);
  if ((parts.scheme != "http" && parts.scheme != "https") || parts.host.empty()) {
    throw InputError(fmt::format(
        "'{}' is not a web address; give the blog's address as http://… or https://…", address));
  }
  const std::string origin = core::origin_of(address);
  if (origin.find('@') != std::string::npos) {
    throw InputError(fmt::format(
        "'{}' holds a user name or password; blogarchive archives what anonymous visitors "
        "see and sends no credentials: give the address without them",
        address));
  }
  std::string path = parts.path.empty() ? "/" : parts.path;
  return origin + path + (path.ends_with('/') ? "" : "/");
}

// The REST API announces itself in a Link header (rel="https://api.w.org/") on every page.
std::string announced_api_root(const fetch::FetchResult& home) {
  const auto link = home.headers.find("link");
  if (link == home.headers.end()) {
    return {};
  }
  const std::string& value = link->second;
  const auto rel = value.find("rel=\"https://api.w.org/\"");
  const auto open = rel == std::string::npos ? std::string::npos : value.rfind('<', rel);
  const auto close = open == std::string::npos ? std::string::npos : value.find('>', open);
  return close == std::string::npos ? std::string() : value.substr(open + 1, close - open - 1);
}

bool is_wordpress_index(const std::string& body) {
  const auto index = nlohmann::json::parse(body, nullptr, false);
  if (!index.is_object() || !index.contains("namespaces") || !index["namespaces"].is_array()) {
    return false;
  }
  for (const auto& name : index["namespaces"]) {
    if (name == "wp/v2") {
      return true;
    }
  }
  return false;
}

struct ApiRoot {
  std::string url;
  std::string index;
};

ApiRoot find_api_root(const std::string& home, const fetch::FetchLimits& limits) {
  const fetch::FetchResult front = fetch::fetch_one(home, limits);
  if (front.status == 0) {
    throw NetworkError(fmt::format(
        "cannot reach {}: {}; is the address right and the site still online?", home, front.error));
  }
  if (!front.error.empty() && front.error.find("not followed") != std::string::npos) {
    throw InputError(fmt::format("{}: {}; if that is where the blog lives now, import from there",
                                 home, front.error));
  }
  const std::string base = checked_home(front.final_url.empty() ? home : front.final_url);
  std::vector<std::string> candidates;
  if (std::string announced = announced_api_root(front); !announced.empty()) {
    candidates.push_back(std::move(announced));
  }
  candidates.push_back(base + "wp-json/");
  candidates.push_back(base + "?rest_route=/");  // plain permalinks: no /wp-json/ path
  for (const auto& candidate : candidates) {
    const fetch::FetchResult answer = fetch::fetch_one(candidate, limits);
    if (answer.ok && is_wordpress_index(answer.bytes)) {
      return {candidate, answer.bytes};
    }
  }
  throw InputError(
      fmt::format("{} does not answer WordPress's REST API (asked {}): it is not WordPress, or a "
                  "WordPress older than 4.7, or "
                  "one with the API switched off; archive it from a WXR export (Tools → Export in "
                  "its dashboard), a database "
                  "backup, or its RSS/Atom feed instead",
                  home, fmt::join(candidates, " and ")));
}

// The blog's language as its feed declares it ("de-DE"); the API does not say.
std::string feed_language(const std::string& home, const fetch::FetchLimits& limits) {
  const fetch::FetchResult feed = fetch::fetch_one(home + "?feed=rss2", limits);
  const auto open = feed.bytes.find("<language>");
  const auto close = feed.bytes.find("</language>");
  if (!feed.ok || open == std::string::npos || close == std::string::npos || close < open) {
    return {};
  }
  return std::string(core::trim(feed.bytes.substr(open + 10, close - open - 10)));
}

std::int64_t header_number(const fetch::FetchResult& result, const char* name) {
  const auto at = result.headers.find(name);
  if (at == result.headers.end()) {
    return 0;
  }
  try {
    return std::stoll(at->second);
  } catch (const std::exception&) {
    return 0;
  }
}

struct Answer {
  bool ok = false;
  long status = 0;
  std::string error;
  store::JournalEntry entry;
  bool malformed = false;  ///< HTTP 200 but not JSON; `error` names the URL and position
};

// Fetches what the journal lacks, keeping every good answer there as it arrives.
class Downloader {
 public:
  Downloader(store::DownloadJournal& journal, const fetch::FetchLimits& limits, Progress& progress)
      : journal_(journal), limits_(limits), progress_(progress) {}

  std::map<std::string, Answer> get(const std::vector<std::string>& urls) {
    std::map<std::string, Answer> answers;
    std::vector<std::string> missing;
    for (const auto& url : urls) {
      if (auto kept = journal_.find(url)) {
        answers[url] = Answer{true, 200, {}, std::move(*kept), false};
        ++resumed;
        progress_.advance(1);
      } else {
        missing.push_back(url);
      }
    }
    fetch::fetch_all(missing, limits_, [&](fetch::FetchResult result) {
      answers[result.url] = arrived(result);
      progress_.advance(1);
    });
    return answers;
  }

  std::size_t resumed = 0;

 private:
  Answer arrived(fetch::FetchResult& result) {
    Answer answer{result.ok, result.status, result.error, {}, false};
    if (!result.ok) {
      if (result.attempts > 1 && result.status != 404) {
        answer.error += fmt::format(" after {} attempts", result.attempts);
      }
      return answer;
    }
    try {
      importers::check_json(result.url, result.bytes);
    } catch (const InputError& error) {
      return Answer{false, result.status, error.what(), {}, true};
    }
    answer.entry = store::JournalEntry{std::move(result.bytes), header_number(result, "x-wp-total"),
                                       header_number(result, "x-wp-totalpages")};
    journal_.put(result.url, answer.entry);
    return answer;
  }

  store::DownloadJournal& journal_;
  const fetch::FetchLimits& limits_;
  Progress& progress_;
};

bool closed_to_visitors(long status) {
  return status == 400 || status == 401 || status == 403 || status == 404;
}

[[noreturn]] void stop(const std::string& url, const Answer& answer,
                       store::DownloadJournal& journal, const std::filesystem::path& journal_path) {
  const std::string kept = fmt::format(
      "{} answers so far are kept in '{}': run the same command again to "
      "continue where this one stopped; the store was not changed",
      journal.size(), journal_path.string());
  if (answer.malformed) {
    throw InputError(fmt::format("{}; {}", answer.error, kept));
  }
  throw NetworkError(fmt::format("{}: {}; {}", url, answer.error, kept));
}

}  // namespace

bool names_a_url(const std::string& source) {
  const core::UrlParts parts = core::split_url(source);
  return !parts.scheme.empty() && parts.has_authority;
}

LiveSite download_live_site(const std::string& address, const ImportOptions& options) {
  const std::string home = checked_home(address);
  const fetch::FetchLimits limits = limits_for(options);
  const ApiRoot root = find_api_root(home, limits);
  LiveSite site;
  site.api_root = root.url;
  site.answers.index = root.index;
  site.answers.language = feed_language(home, limits);

  const auto journal_path = store::download_journal_path(options.store_path);
  store::DownloadJournal journal(journal_path);
  Progress progress(std::cerr, !options.quiet && ::isatty(STDERR_FILENO) != 0);
  progress.start("first pages from " + core::split_url(home).host, kCollections.size());
  Downloader downloader(journal, limits, progress);
  std::vector<std::string> first_pages;
  first_pages.reserve(kCollections.size());
  for (const auto& collection : kCollections) {
    first_pages.push_back(page_url(root.url, collection, 1));
  }
  const auto firsts = downloader.get(first_pages);

  // The first page of each list says how many pages it has.
  std::vector<std::string> later_pages;
  std::vector<std::pair<const Collection*, std::vector<std::string>>> pages_of;
  for (const auto& collection : kCollections) {
    const std::string first = page_url(root.url, collection, 1);
    const Answer& answer = firsts.at(first);
    if (!answer.ok && collection.optional && closed_to_visitors(answer.status)) {
      site.warnings.push_back(
          fmt::format("{}: {} are not public on this site ({}); the archive has none", first,
                      collection.name, answer.error));
      continue;
    }
    if (!answer.ok) {
      stop(first, answer, journal, journal_path);
    }
    std::vector<std::string> urls{first};
    for (std::int64_t page = 2; page <= answer.entry.total_pages; ++page) {
      urls.push_back(page_url(root.url, collection, static_cast<int>(page)));
      later_pages.push_back(urls.back());
    }
    pages_of.emplace_back(&collection, std::move(urls));
  }
  progress.finish();
  progress.start("pages from " + core::split_url(home).host, later_pages.size());
  auto answers = downloader.get(later_pages);
  progress.finish();
  for (const auto& url : later_pages) {
    if (!answers.at(url).ok) {
      stop(url, answers.at(url), journal, journal_path);
    }
  }
  answers.insert(firsts.begin(), firsts.end());
  for (const auto& [collection, urls] : pages_of) {
    auto& pages = site.answers.collections[collection->name];
    for (const auto& url : urls) {
      pages.push_back(importers::RestPage{url, std::move(answers.at(url).entry.body)});
    }
    site.requests += urls.size();
  }
  site.resumed = downloader.resumed;
  return site;
}

void forget_downloads(const ImportOptions& options) {
  store::remove_download_journal(store::download_journal_path(options.store_path));
}

}  // namespace blogarchive::pipeline
