#include "core/url.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"

namespace blogarchive::core {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

}  // namespace

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  std::string_view rest = trim(url);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) {
    parts.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  if (const auto question = rest.find('?'); question != std::string_view::npos) {
    parts.query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  if (const auto colon = rest.find(':'); colon != std::string_view::npos && colon > 0) {
    const std::string_view scheme = rest.substr(0, colon);
    bool valid = true;
    for (const char c : scheme) {
      valid = valid && is_scheme_char(c);
    }
    if (valid && rest.find('/') > colon) {
      parts.scheme = to_lower_ascii(scheme);
      rest = rest.substr(colon + 1);
    }
  }
  if (rest.substr(0, 2) == "//") {
    parts.has_authority = true;
    rest = rest.substr(2);
    const auto slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
      authority = authority.substr(at + 1);
    }
    if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
      authority = authority.substr(0, colon);
    }
    parts.host = to_lower_ascii(authority);
  }
  parts.path = rest;
  return parts;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

namespace {

bool stays_in_path(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

}  // namespace

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  // Most paths need no escape (a build encodes hundreds of thousands): copied whole.
  const auto first = std::find_if_not(path.begin(), path.end(), stays_in_path);
  std::string out(path.begin(), first);
  if (first == path.end()) {
    return out;
  }
  out.reserve(path.size() + 16);
  for (auto at = first; at != path.end(); ++at) {
    const auto byte = static_cast<unsigned char>(*at);
    if (stays_in_path(*at)) {
      out += *at;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

std::optional<std::string> query_value(std::string_view query, std::string_view key) {
  for (const std::string_view pair : split(query, '&')) {
    const auto equals = pair.find('=');
    const std::string_view name = pair.substr(0, equals);
    if (percent_decode(name) == key) {
      return equals == std::string_view::npos ? std::string{}
                                              : percent_decode(pair.substr(equals + 1));
    }
  }
  return std::nullopt;
}

std::string host_without_www(std::string_view host) {
  std::string lower = to_lower_ascii(host);
  if (lower.rfind("www.", 0) == 0) {
    lower.erase(0, 4);
  }
  return lower;
}

}  // namespace blogarchive::core

namespace blogarchive::core {
namespace {

// RFC 3986 5.2.4: "/a/b/../c/./d" → "/a/c/d". Leading ".." that would climb above the
// root stay at the root, as browsers do.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  const bool absolute = path.starts_with('/');
  if (absolute) {
    start = 1;
  }
  bool ends_with_slash = false;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const std::string_view segment =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    const bool last = slash == std::string_view::npos;
    if (last) {
      ends_with_slash = segment.empty() || segment == "." || segment == "..";
    }
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (segment != "." && !(segment.empty() && last)) {
      segments.push_back(segment);
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  std::string out = absolute ? "/" : "";
  for (std::size_t i = 0; i < segments.size(); ++i) {
    out.append(segments[i]);
    if (i + 1 < segments.size()) {
      out += '/';
    }
  }
  if (ends_with_slash && !segments.empty()) {
    out += '/';
  }
  return out;
}

}  // namespace

std::string origin_of(std::string_view url) {
  const UrlParts parts = split_url(url);
  if (!parts.has_authority) {
    return {};
  }
  const auto start = url.find("//") + 2;
  const auto end = url.find_first_of("/?#", start);
  return (parts.scheme.empty() ? "" : parts.scheme + ":") + "//" +
         std::string(url.substr(start, end == std::string_view::npos ? end : end - start));
}

bool is_relative_reference(std::string_view url) {
  const UrlParts parts = split_url(url);
  return parts.scheme.empty() && !parts.has_authority && !url.empty() && url.front() != '/' &&
         url.front() != '#';
}

std::string resolve_reference(std::string_view base, std::string_view reference) {
  const UrlParts ref = split_url(reference);
  if (!ref.scheme.empty()) {
    return std::string(reference);
  }
  const UrlParts parts = split_url(base);
  const std::string scheme = parts.scheme.empty() ? "https" : parts.scheme;
  if (ref.has_authority) {
    return scheme + ":" + std::string(reference);
  }
  std::string origin;
  if (parts.has_authority) {
    const std::string written = origin_of(base);  // "http://h:8080", or "//h" without a scheme
    origin = scheme + ":" + written.substr(written.find("//"));
  }
  std::string path;
  std::string query = ref.query;
  if (ref.path.empty()) {
    path = parts.path.empty() ? "/" : parts.path;
    if (reference.find('?') == std::string_view::npos) {
      query = parts.query;
    }
  } else if (ref.path.front() == '/') {
    path = remove_dot_segments(ref.path);
  } else {
    const std::string base_path = parts.path.empty() ? "/" : parts.path;
    path = remove_dot_segments(base_path.substr(0, base_path.rfind('/') + 1) + ref.path);
  }
  std::string out = origin + path;
  if (!query.empty() || reference.find('?') != std::string_view::npos) {
    out += "?" + query;
  }
  if (!ref.fragment.empty()) {
    out += "#" + ref.fragment;
  }
  return out;
}

}  // namespace blogarchive::core
