#include "content/embeds.hpp"

#include <array>

#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::content {
namespace {

struct KnownProvider {
  std::string_view host_suffix;  ///< matches the host itself or any subdomain of it
  std::string_view key;
  std::string_view name;
};

// The services old blogs embedded most; the issue tracker of every importer names them.
constexpr std::array<KnownProvider, 20> kProviders{{
    {"youtube.com", "youtube", "YouTube"},
    {"youtube-nocookie.com", "youtube", "YouTube"},
    {"youtu.be", "youtube", "YouTube"},
    {"vimeo.com", "vimeo", "Vimeo"},
    {"twitter.com", "twitter", "Twitter/X"},
    {"x.com", "twitter", "Twitter/X"},
    {"instagram.com", "instagram", "Instagram"},
    {"flickr.com", "flickr", "Flickr"},
    {"staticflickr.com", "flickr", "Flickr"},
    {"flic.kr", "flickr", "Flickr"},
    {"slideshare.net", "slideshare", "SlideShare"},
    {"soundcloud.com", "soundcloud", "SoundCloud"},
    {"video.google.com", "googlevideo", "Google Video"},
    {"videopress.com", "videopress", "VideoPress"},
    {"ted.com", "ted", "TED"},
    {"maps.google.com", "googlemaps", "Google Maps"},
    {"google.com", "googlemaps", "Google Maps"},  // only for /maps paths, see below
    {"google.de", "googlemaps", "Google Maps"},
    {"dailymotion.com", "dailymotion", "Dailymotion"},
    {"spotify.com", "spotify", "Spotify"},
}};

bool host_matches(std::string_view host, std::string_view suffix) {
  if (host == suffix) {
    return true;
  }
  return host.size() > suffix.size() && host.ends_with(suffix) &&
         host[host.size() - suffix.size() - 1] == '.';
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// The id at the start of `text` ("XSrW&hl=de" → "XSrW").
std::string leading_id(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && is_id_char(text[end])) {
    ++end;
  }
  return std::string(text.substr(0, end));
}

// The path segment after `prefix` ("/embed/abc?x" with "/embed/" → "abc").
std::string id_after(std::string_view path, std::string_view prefix) {
  const auto at = path.find(prefix);
  return at == std::string_view::npos ? std::string() : leading_id(path.substr(at + prefix.size()));
}

std::string youtube_id(const core::UrlParts& parts) {
  if (host_matches(parts.host, "youtu.be")) {
    return leading_id(std::string_view(parts.path).substr(parts.path.empty() ? 0 : 1));
  }
  for (const std::string_view prefix : {"/embed/", "/v/", "/shorts/"}) {
    if (std::string id = id_after(parts.path, prefix); !id.empty()) {
      return id;
    }
  }
  return leading_id(core::query_value(parts.query, "v").value_or(""));
}

std::string vimeo_id(const core::UrlParts& parts) {
  if (std::string id = id_after(parts.path, "/video/"); !id.empty()) {
    return id;
  }
  if (std::string id = leading_id(core::query_value(parts.query, "clip_id").value_or(""));
      !id.empty()) {
    return id;
  }
  const std::string id =
      leading_id(std::string_view(parts.path).substr(parts.path.empty() ? 0 : 1));
  const bool numeric = !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
  return numeric ? id : std::string();
}

}  // namespace

EmbedProvider embed_provider(std::string_view url) {
  const core::UrlParts parts = core::split_url(url);
  for (const auto& provider : kProviders) {
    if (!host_matches(parts.host, provider.host_suffix)) {
      continue;
    }
    // google.com serves far more than maps; only its map embeds count as Google Maps.
    if (provider.key == "googlemaps" && !parts.host.starts_with("maps.") &&
        !parts.path.starts_with("/maps")) {
      continue;
    }
    return {std::string(provider.key), std::string(provider.name)};
  }
  if (parts.host.empty()) {
    return {"local", ""};
  }
  return {"other", core::host_without_www(parts.host)};
}

std::string embed_original_url(std::string_view url) {
  // Players were often embedded protocol-relative ("//www.slideshare.net/…"); readers
  // follow the link from wherever the archive is hosted, so it names https.
  if (url.starts_with("//")) {
    return embed_original_url("https:" + std::string(url));
  }
  const core::UrlParts parts = core::split_url(url);
  const EmbedProvider provider = embed_provider(url);
  if (provider.key == "youtube") {
    if (const std::string id = youtube_id(parts); !id.empty()) {
      return "https://www.youtube.com/watch?v=" + id;
    }
  }
  if (provider.key == "twitter" && parts.path.find("/embed/Tweet") != std::string::npos) {
    if (const std::string id = leading_id(core::query_value(parts.query, "id").value_or(""));
        !id.empty()) {
      return "https://twitter.com/i/status/" + id;
    }
  }
  if (provider.key == "instagram") {
    if (const std::string id = id_after(parts.path, "/p/"); !id.empty()) {
      return "https://www.instagram.com/p/" + id + "/";
    }
  }
  if (provider.key == "vimeo") {
    if (const std::string id = vimeo_id(parts); !id.empty()) {
      return "https://vimeo.com/" + id;
    }
  }
  return std::string(url);
}

HtmlNode embed_placeholder(std::string_view url, std::string_view title, std::string_view label,
                           bool with_link) {
  const EmbedProvider provider = embed_provider(url);
  const std::string original = embed_original_url(url);
  HtmlNode box = make_element("span", "embed embed-" + provider.key);
  HtmlNode who = make_element("span", "embed-provider");
  const std::string name =
      provider.name.empty() ? std::string(core::split_url(original).path) : provider.name;
  who.children.push_back(make_text(std::string(label) + name));
  box.children.push_back(std::move(who));
  if (const auto clean_title = core::collapse_whitespace(title); !clean_title.empty()) {
    box.children.push_back(make_text(" "));
    HtmlNode title_node = make_element("span", "embed-title");
    title_node.children.push_back(make_text(clean_title));
    box.children.push_back(std::move(title_node));
  }
  box.children.push_back(make_text(" "));
  if (!with_link) {
    HtmlNode source = make_element("span", "embed-original");
    source.children.push_back(make_text(original));
    box.children.push_back(std::move(source));
    return box;
  }
  HtmlNode link = make_element("a", "embed-original");
  link.attributes.emplace_back("href", original);
  link.children.push_back(make_text(original));
  box.children.push_back(std::move(link));
  return box;
}

}  // namespace blogarchive::content
