#pragma once
// Downloads with libcurl: a few at a time, politely spaced, with timeouts, retries that
// honour Retry-After, and redirects checked one by one. Used only when the user asks
// (`import --fetch-media`, `import https://…`); nothing else touches the network.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace blogarchive::fetch {

/// Whether a redirect from `from` to `to` may be followed (both absolute http(s) URLs).
using RedirectPolicy = std::function<bool(const std::string& from, const std::string& to)>;

struct FetchLimits {
  int parallel = 4;  ///< transfers at once: an old shared host must not be overrun
  long connect_timeout_s = 15;
  long timeout_s = 120;  ///< per attempt, the whole transfer
  int attempts = 3;      ///< for timeouts, connection errors, 429 and 5xx; never for 404
  std::size_t max_bytes = std::size_t{1} << 30;  ///< SQLite's blob limit is about 1 GB
  /// The least time between the starts of two requests (`--delay`).
  std::chrono::milliseconds delay{0};
  /// The wait before the second attempt; it doubles for each one after.
  std::chrono::milliseconds backoff{500};
  /// A server asking (Retry-After) to wait longer than this gets no further attempt.
  std::chrono::seconds longest_retry_after{300};
  std::string user_agent =
      "blogarchive (archiving a blog before it closes; https://blogarchive.invalid/)";
  /// Empty: every redirect to an http(s) URL is followed (up to 5 in a row).
  RedirectPolicy follow_redirect;
};

struct FetchResult {
  std::string url;        ///< as asked for
  std::string final_url;  ///< after the redirects followed
  bool ok = false;        ///< HTTP 200 and the whole body
  long status = 0;        ///< last HTTP status; 0 when there was no answer
  std::string error;      ///< why not, for the report
  std::string bytes;
  /// The last response's headers, names in lower case (a repeated header's values
  /// joined with ", ").
  std::map<std::string, std::string> headers;
  int attempts = 0;
};

/// Fetches every URL (http and https only) and calls `done` once per URL, on the
/// calling thread, in the order they finish.
void fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits,
               const std::function<void(FetchResult)>& done);

/// One URL, as fetch_all would.
FetchResult fetch_one(const std::string& url, const FetchLimits& limits);

/// The seconds a Retry-After value (delta seconds or an HTTP date) asks for; -1 when
/// it is neither.
long parse_retry_after(const std::string& value);

}  // namespace blogarchive::fetch
