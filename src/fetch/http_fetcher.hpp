#pragma once
// Downloads with libcurl: a few at a time, with timeouts and retries. Used only when
// the user asks (`import --fetch-media`); nothing else in blogarchive touches the network.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace blogarchive::fetch {

struct FetchLimits {
  int parallel = 4;             ///< transfers at once: an old shared host must not be overrun
  long connect_timeout_s = 15;
  long timeout_s = 120;         ///< per attempt, the whole transfer
  int attempts = 3;             ///< for timeouts, connection errors, 429 and 5xx; never for 404
  std::size_t max_bytes = std::size_t{1} << 30;  ///< SQLite's blob limit is about 1 GB
};

struct FetchResult {
  std::string url;
  bool ok = false;       ///< HTTP 200 and the whole body
  long status = 0;       ///< last HTTP status; 0 when there was no answer
  std::string error;     ///< why not, for the report
  std::string bytes;
  int attempts = 0;
};

/// Fetches every URL (http and https only, redirects followed up to 5) and calls `done`
/// once per URL, on the calling thread, in the order they finish.
void fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits,
               const std::function<void(FetchResult)>& done);

}  // namespace blogarchive::fetch
