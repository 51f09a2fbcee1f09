#include "core/url.hpp"

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

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += c;
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
