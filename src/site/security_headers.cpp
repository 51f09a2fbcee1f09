#include "site/security_headers.hpp"

#include "core/text.hpp"

namespace blogarchive::site {

const std::vector<std::string>& embed_player_origins() {
  static const std::vector<std::string> origins{
      "https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://w.soundcloud.com",
      "https://www.google.com"};
  return origins;
}

std::string content_security_policy(const SiteConfig::Privacy& privacy, bool as_header) {
  std::string frames = "'none'";
  if (privacy.two_click_embeds) {
    frames.clear();
    for (const auto& origin : embed_player_origins()) {
      frames += (frames.empty() ? "" : " ") + origin;
    }
  }
  std::string policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
  policy += privacy.remote_images ? " https: http:" : "";
  policy +=
      "; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; frame-src " +
      frames;
  policy += "; base-uri 'none'; form-action 'self'";
  if (as_header) {
    policy += "; frame-ancestors 'self'";
  }
  return policy;
}

std::vector<Header> security_headers(const SiteConfig::Privacy& privacy) {
  // Features an archive of articles never needs; only names every current browser
  // knows, since unknown ones are reported on the console.
  const std::string permissions =
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
      "payment=(), usb=()";
  return {{"Content-Security-Policy", content_security_policy(privacy, true)},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"Permissions-Policy", permissions}};
}

std::string headers_file(const SiteConfig::Privacy& privacy) {
  std::string text =
      "# Written by blogarchive build: the headers every page of this archive should carry.\n/*\n";
  for (const auto& [name, value] : security_headers(privacy)) {
    text.append("  ").append(name).append(": ").append(value).append("\n");
  }
  return text;
}

std::vector<Header> parse_headers_file(std::string_view text) {
  std::vector<Header> headers;
  bool in_every_path = false;
  for (const std::string_view line : core::split(text, '\n')) {
    const std::string_view trimmed = core::trim(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      continue;
    }
    if (line.front() != ' ' && line.front() != '\t') {
      in_every_path = trimmed == "/*";
      continue;
    }
    const auto colon = trimmed.find(':');
    if (!in_every_path || colon == std::string_view::npos || colon == 0) {
      continue;
    }
    headers.emplace_back(std::string(core::trim(trimmed.substr(0, colon))),
                         std::string(core::trim(trimmed.substr(colon + 1))));
  }
  return headers;
}

}  // namespace blogarchive::site
