#include "fetch/http_fetcher.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <memory>
#include <optional>
#include <thread>

#include "blogarchive/error.hpp"
#include "core/text.hpp"

namespace blogarchive::fetch {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kMostRedirects = 5;

struct Transfer {
  std::string url;      ///< as asked for
  std::string current;  ///< where the next attempt goes (after redirects)
  std::string body;
  std::map<std::string, std::string> headers;
  std::size_t max_bytes = 0;
  bool too_large = false;
  int attempts = 0;
  int redirects = 0;
  Clock::time_point not_before{};
};

std::size_t append(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  if (transfer->body.size() + size * count > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, size * count);
  return size * count;
}

// One header line; a status line starts a new response (after 100 Continue, say).
std::size_t keep_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    transfer->headers.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string name = core::to_lower_ascii(core::trim(line.substr(0, colon)));
    const std::string value(core::trim(line.substr(colon + 1)));
    auto [at, inserted] = transfer->headers.emplace(name, value);
    if (!inserted) {
      at->second += ", " + value;
    }
  }
  return size * count;
}

CURL* make_handle(Transfer& transfer, const FetchLimits& limits) {
  CURL* handle = curl_easy_init();
  if (handle == nullptr) {
    throw NetworkError("libcurl could not start a transfer");
  }
  curl_easy_setopt(handle, CURLOPT_URL, transfer.current.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects are followed here, one at a time, so that each can be checked.
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, limits.timeout_s);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, limits.user_agent.c_str());
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, keep_header);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_PRIVATE, &transfer);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  return handle;
}

bool worth_retrying(CURLcode code, long status) {
  if (code != CURLE_OK) {
    return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT ||
           code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING ||
           code == CURLE_PARTIAL_FILE;
  }
  return status == 429 || status >= 500;
}

bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// The wait before the next attempt: what the server asked for with 429 or 503, else a
// backoff that doubles. Negative: the server asked for more than we will wait.
std::chrono::milliseconds wait_before_retry(const Transfer& transfer, long status,
                                            const FetchLimits& limits) {
  const auto asked = transfer.headers.find("retry-after");
  if ((status == 429 || status == 503) && asked != transfer.headers.end()) {
    const long seconds = parse_retry_after(asked->second);
    if (seconds >= 0) {
      return seconds > limits.longest_retry_after.count()
                 ? std::chrono::milliseconds(-1)
                 : std::chrono::milliseconds(seconds * 1000);
    }
  }
  return limits.backoff * (1 << std::min(transfer.attempts - 1, 10));
}

// Transfers waiting for their turn; start() hands out those whose time has come, no
// sooner than `delay` after the previous start.
class Queue {
 public:
  explicit Queue(const FetchLimits& limits) : limits_(limits) {}
  void push(std::unique_ptr<Transfer> transfer) { waiting_.push_back(std::move(transfer)); }
  bool empty() const { return waiting_.empty(); }

  std::unique_ptr<Transfer> next_ready() {
    const auto now = Clock::now();
    if (now < next_start_) {
      return nullptr;
    }
    const auto ready = std::find_if(waiting_.begin(), waiting_.end(), [&](const auto& transfer) {
      return transfer->not_before <= now;
    });
    if (ready == waiting_.end()) {
      return nullptr;
    }
    auto transfer = std::move(*ready);
    waiting_.erase(ready);
    next_start_ = now + limits_.delay;
    return transfer;
  }

  /// How long until the next transfer may start (at most `longest`).
  std::chrono::milliseconds time_to_next(std::chrono::milliseconds longest) const {
    auto soonest = Clock::now() + longest;
    for (const auto& transfer : waiting_) {
      soonest = std::min(soonest, std::max(transfer->not_before, next_start_));
    }
    return std::max(std::chrono::milliseconds(1),
                    std::chrono::duration_cast<std::chrono::milliseconds>(soonest - Clock::now()));
  }

 private:
  const FetchLimits& limits_;
  std::vector<std::unique_ptr<Transfer>> waiting_;
  Clock::time_point next_start_{};
};

FetchResult finished(Transfer& transfer, CURLcode code, long status, const FetchLimits& limits,
                     std::string error) {
  FetchResult result{transfer.url,
                     transfer.current,
                     false,
                     status,
                     std::move(error),
                     {},
                     std::move(transfer.headers),
                     transfer.attempts};
  if (!result.error.empty()) {
    return result;
  }
  if (transfer.too_large) {
    result.error = fmt::format("the answer is larger than {} bytes", limits.max_bytes);
  } else if (code != CURLE_OK) {
    result.error = curl_easy_strerror(code);
  } else if (status != 200) {
    result.error = fmt::format("HTTP {}", status);
  } else {
    result.ok = true;
    result.bytes = std::move(transfer.body);
  }
  return result;
}

// What becomes of a transfer that ended: another attempt, a redirect followed, or a
// result. Returns the result, or nullopt when the transfer went back into the queue.
std::optional<FetchResult> settle(std::unique_ptr<Transfer> transfer, CURL* handle, CURLcode code,
                                  const FetchLimits& limits, Queue& queue) {
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_OK && is_redirect(status)) {
    char* location = nullptr;
    curl_easy_getinfo(handle, CURLINFO_REDIRECT_URL, &location);
    const std::string target = location != nullptr ? location : "";
    const bool web =
        core::starts_with_ci(target, "http://") || core::starts_with_ci(target, "https://");
    if (!web || transfer->redirects >= kMostRedirects) {
      return finished(
          *transfer, code, status, limits,
          fmt::format("HTTP {}: redirected to '{}', which is not followed", status, target));
    }
    if (limits.follow_redirect && !limits.follow_redirect(transfer->current, target)) {
      return finished(
          *transfer, code, status, limits,
          fmt::format("HTTP {}: redirected to '{}', another site; not followed", status, target));
    }
    transfer->current = target;
    ++transfer->redirects;
    --transfer->attempts;  // a redirect is not a failed attempt
    queue.push(std::move(transfer));
    return std::nullopt;
  }
  if (worth_retrying(code, status) && !transfer->too_large) {
    const auto wait = wait_before_retry(*transfer, status, limits);
    if (wait.count() < 0) {
      return finished(*transfer, code, status, limits,
                      fmt::format("HTTP {}: the server asks to wait {} before trying again", status,
                                  transfer->headers["retry-after"]));
    }
    if (transfer->attempts < limits.attempts) {
      transfer->not_before = Clock::now() + wait;
      queue.push(std::move(transfer));
      return std::nullopt;
    }
  }
  return finished(*transfer, code, status, limits, {});
}

}  // namespace

long parse_retry_after(const std::string& value) {
  const std::string_view text = core::trim(value);
  long seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty()) {
    return std::max(0L, seconds);
  }
  const time_t when = curl_getdate(std::string(text).c_str(), nullptr);
  if (when < 0) {
    return -1;
  }
  return std::max<long>(0, static_cast<long>(when - std::time(nullptr)));
}

void fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits,
               const std::function<void(FetchResult)>& done) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(),
                                                              curl_multi_cleanup);
  Queue queue(limits);
  for (const auto& url : urls) {
    auto transfer = std::make_unique<Transfer>();
    transfer->url = transfer->current = url;
    transfer->max_bytes = limits.max_bytes;
    queue.push(std::move(transfer));
  }
  std::map<Transfer*, std::unique_ptr<Transfer>> running;
  const auto start_more = [&] {
    while (static_cast<int>(running.size()) < limits.parallel) {
      auto transfer = queue.next_ready();
      if (!transfer) {
        return;
      }
      transfer->body.clear();
      transfer->headers.clear();
      transfer->too_large = false;
      ++transfer->attempts;
      curl_multi_add_handle(multi.get(), make_handle(*transfer, limits));
      Transfer* key = transfer.get();
      running.emplace(key, std::move(transfer));
    }
  };
  start_more();
  while (!running.empty() || !queue.empty()) {
    int still_running = 0;
    curl_multi_perform(multi.get(), &still_running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) {
        continue;
      }
      CURL* handle = message->easy_handle;
      const CURLcode code = message->data.result;
      Transfer* key = nullptr;
      curl_easy_getinfo(handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&key));
      auto transfer = std::move(running.at(key));
      running.erase(key);
      auto result = settle(std::move(transfer), handle, code, limits, queue);
      curl_multi_remove_handle(multi.get(), handle);
      curl_easy_cleanup(handle);
      if (result) {
        done(std::move(*result));
      }
    }
    start_more();
    const auto wait = queue.empty() ? std::chrono::milliseconds(1000)
                                    : queue.time_to_next(std::chrono::milliseconds(1000));
    if (!running.empty()) {
      curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
    } else if (!queue.empty()) {
      std::this_thread::sleep_for(wait);
    }
  }
}

FetchResult fetch_one(const std::string& url, const FetchLimits& limits) {
  FetchResult only;
  fetch_all({url}, limits, [&](FetchResult result) { only = std::move(result); });
  return only;
}

}  // namespace blogarchive::fetch
