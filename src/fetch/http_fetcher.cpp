#include "fetch/http_fetcher.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <thread>

#include "blogarchive/error.hpp"

namespace blogarchive::fetch {
namespace {

struct Transfer {
  std::string url;
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  int attempts = 0;
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

CURL* make_handle(Transfer& transfer, const FetchLimits& limits) {
  CURL* handle = curl_easy_init();
  if (handle == nullptr) {
    throw NetworkError("libcurl could not start a transfer");
  }
  curl_easy_setopt(handle, CURLOPT_URL, transfer.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(handle, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, limits.timeout_s);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "blogarchive (bringing a closed blog's media into its archive)");
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_PRIVATE, &transfer);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  return handle;
}

bool worth_retrying(CURLcode code, long status) {
  if (code != CURLE_OK) {
    return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT || code == CURLE_RECV_ERROR ||
           code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING || code == CURLE_PARTIAL_FILE;
  }
  return status == 429 || status >= 500;
}

}  // namespace

void fetch_all(const std::vector<std::string>& urls, const FetchLimits& limits,
               const std::function<void(FetchResult)>& done) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(), curl_multi_cleanup);
  std::deque<std::unique_ptr<Transfer>> waiting;
  for (const auto& url : urls) {
    waiting.push_back(std::make_unique<Transfer>(Transfer{url, {}, limits.max_bytes, false, 0}));
  }
  std::map<Transfer*, std::unique_ptr<Transfer>> running;
  const auto start_more = [&] {
    while (!waiting.empty() && static_cast<int>(running.size()) < limits.parallel) {
      auto transfer = std::move(waiting.front());
      waiting.pop_front();
      transfer->body.clear();
      transfer->too_large = false;
      ++transfer->attempts;
      curl_multi_add_handle(multi.get(), make_handle(*transfer, limits));
      Transfer* key = transfer.get();
      running.emplace(key, std::move(transfer));
    }
  };
  start_more();
  while (!running.empty()) {
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
      long status = 0;
      curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
      curl_multi_remove_handle(multi.get(), handle);
      curl_easy_cleanup(handle);
      auto transfer = std::move(running.at(key));
      running.erase(key);
      if (worth_retrying(code, status) && transfer->attempts < limits.attempts) {
        // Back off a little: a struggling server gets a moment before the next try.
        std::this_thread::sleep_for(std::chrono::milliseconds(200 * transfer->attempts));
        waiting.push_back(std::move(transfer));
        continue;
      }
      FetchResult result{transfer->url, code == CURLE_OK && status == 200, status, {}, {}, transfer->attempts};
      if (transfer->too_large) {
        result.error = fmt::format("larger than {} bytes", limits.max_bytes);
      } else if (code != CURLE_OK) {
        result.error = curl_easy_strerror(code);
      } else if (status != 200) {
        result.error = fmt::format("HTTP {}", status);
      }
      result.ok = result.ok && !transfer->too_large;
      if (result.ok) {
        result.bytes = std::move(transfer->body);
      }
      done(std::move(result));
    }
    start_more();
    if (!running.empty()) {
      curl_multi_poll(multi.get(), nullptr, 0, 1000, nullptr);
    }
  }
}

}  // namespace blogarchive::fetch
