#include "redirects/redirect_formats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "core/text.hpp"
#include "core/url.hpp"
#include "site/paths.hpp"

namespace blogarchive::redirects {
namespace {

// WordPress answered its query forms on both of these paths.
constexpr const char* kQueryPaths[] = {"/", "/index.php"};

// A query value as browsers send it: percent-encoded UTF-8.
std::string encoded_value(std::string_view value) {
  return core::percent_encode_path(value);
}

// The order every format writes: query forms first, because "/index.php?p=12" must reach
// the item and not the "/index.php" → "/" rule; then `after_queries` (the 404 for other
// values, before that same rule too); then paths. Within each, table order.
template <typename Visit, typename AfterQueries>
void for_each_in_order(const RedirectTable& table, Visit&& visit, AfterQueries&& after_queries) {
  for (const bool query : {true, false}) {
    for (const auto& redirect : table.redirects) {
      if (redirect.is_query() == query) {
        visit(redirect);
      }
    }
    if (query) {
      after_queries();
    }
  }
}

// The query keys the table answers ("p", "page_id", "cat", …), in table order. At "/"
// a value none of its rules knows (a draft's id, a deleted category) gets a 404, as
// WordPress answered it, not the overview.
std::vector<std::string> query_keys(const RedirectTable& table) {
  std::vector<std::string> keys;
  for (const auto& r : table.redirects) {
    if (r.is_query() && std::find(keys.begin(), keys.end(), r.query_key) == keys.end()) {
      keys.push_back(r.query_key);
    }
  }
  return keys;
}

constexpr const char* kNotFoundPage = "/404.html";
// nginx: what the redirect chain yields for such a value instead of a target.
constexpr const char* kNeverPublished = "!404";

// `text` with a backslash before each character of `special`.
std::string backslashed(std::string_view text, std::string_view special) {
  std::string out;
  out.reserve(text.size() + 4);
  for (const char c : text) {
    if (special.find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string regex_escaped(std::string_view text) {
  return backslashed(text, ".^$|()[]{}*+?\\");
}

// nginx and Caddy tokens in double quotes, with \" and \\ escaped.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  out += backslashed(text, "\"\\");
  out += '"';
  return out;
}

// The forms a path answers in: itself and, for a folder, without its trailing slash.
std::vector<std::string> path_forms(const std::string& path) {
  if (path.size() > 1 && path.back() == '/') {
    return {path, path.substr(0, path.size() - 1)};
  }
  return {path};
}

// A path as a pattern that also matches it without its trailing slash.
std::string path_pattern(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') {
    return regex_escaped(path.substr(0, path.size() - 1)) + "/?";
  }
  return regex_escaped(path);
}

// In a RewriteRule's substitution %N and $N are back-references: "%80" in an encoded
// path would become the 8th condition's match followed by "0".
std::string apache_substitution(std::string_view target) {
  return backslashed(target, "%$");
}

bool unsafe_for_config(std::string_view path) {
  return std::any_of(path.begin(), path.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\' || c == '$' || c == '\'' ||
           c == '`';
  });
}

// normalize_path keeps no empty path; the root is where query forms live.
std::optional<std::string> request_path(std::string_view encoded) {
  const std::string decoded = core::percent_decode(encoded);
  if (decoded.find_first_not_of('/') == std::string::npos) {
    return std::string("/");
  }
  return site::normalize_path(decoded);
}

}  // namespace

std::string netlify_redirects(const RedirectTable& table) {
  std::string out = "# The old blog's URLs, answered with 301 (written by blogarchive build).\n";
  if (table.search) {
    for (const char* path : kQueryPaths) {
      fmt::format_to(std::back_inserter(out), "{}  s=:s  {}?q=:s  301\n", path, kSearchTarget);
    }
  }
  for_each_in_order(
      table,
      [&](const Redirect& r) {
        const std::string to = site::href(r.to);
        if (r.is_query()) {
          for (const char* path : kQueryPaths) {
            fmt::format_to(std::back_inserter(out), "{}  {}={}  {}  301\n", path, r.query_key,
                           encoded_value(r.query_value), to);
          }
        } else {
          fmt::format_to(std::back_inserter(out), "{}  {}  301\n", site::href(r.from_path), to);
        }
      },
      [&] {
        for (const auto& key : query_keys(table)) {
          for (const char* path : kQueryPaths) {
            fmt::format_to(std::back_inserter(out), "{}  {}=:{}  {}  404\n", path, key, key,
                           kNotFoundPage);
          }
        }
      });
  return out;
}

std::string apache_htaccess(const RedirectTable& table) {
  std::string out =
      "# The old blog's URLs, answered with 301 (written by blogarchive build).\n"
      "# Needs mod_rewrite and AllowOverride FileInfo for this directory.\n"
      "RewriteEngine On\n";
  if (table.search) {
    fmt::format_to(std::back_inserter(out),
                   "RewriteCond %{{QUERY_STRING}} (?:^|&)s=([^&]+)\n"
                   "RewriteRule ^(?:index\\.php)?$ {}?q=%1 [R=301,L,NE]\n",
                   kSearchTarget);
  }
  for_each_in_order(
      table,
      [&](const Redirect& r) {
        if (unsafe_for_config(r.from_path) || unsafe_for_config(r.query_value)) {
          return;
        }
        const std::string to = apache_substitution(site::href(r.to));
        if (r.is_query()) {
          fmt::format_to(std::back_inserter(out),
                         "RewriteCond %{{QUERY_STRING}} (?:^|&){}={}(?:&|$)\n"
                         "RewriteRule ^(?:index\\.php)?$ {} [R=301,L,NE,QSD]\n",
                         regex_escaped(r.query_key), regex_escaped(encoded_value(r.query_value)),
                         to);
        } else {
          // In .htaccess, mod_rewrite matches the decoded path without its leading slash.
          fmt::format_to(std::back_inserter(out), "RewriteRule ^{}$ {} [R=301,L,NE,QSD]\n",
                         path_pattern(r.from_path.substr(1)), to);
        }
      },
      [&] {
        const auto keys = query_keys(table);
        if (keys.empty()) {
          return;
        }
        std::string alternatives;
        for (const auto& key : keys) {
          alternatives += alternatives.empty() ? "" : "|";
          alternatives += regex_escaped(key);
        }
        fmt::format_to(std::back_inserter(out),
                       "# Any other value of these keys named something never published: 404.\n"
                       "RewriteCond %{{QUERY_STRING}} (?:^|&)(?:{})=[^&]\n"
                       "RewriteRule ^(?:index\\.php)?$ - [R=404,L]\n",
                       alternatives);
      });
  return out;
}

NginxConfig nginx_config(const RedirectTable& table) {
  // One map per query key, each keyed by "at_root|value", then one map that picks the
  // first target found: nginx evaluates maps lazily, only for requests that reach the `if`.
  const std::vector<std::string> keys = query_keys(table);
  // Long permalinks need bigger hash buckets than nginx's default of one cache line.
  std::size_t longest = 0;
  for (const auto& r : table.redirects) {
    longest = std::max({longest, r.from_path.size(), r.query_value.size() * 3 + 2});
  }
  std::size_t bucket = 64;
  while (bucket < longest + 32) {
    bucket *= 2;
  }
  std::string http = fmt::format(
      "# The old blog's URLs (written by blogarchive). Include in the http block; include\n"
      "# the matching server part in the archive's server block.\n"
      "map_hash_bucket_size {};\nmap_hash_max_size {};\n"
      "map $uri $blogarchive_at_root {{\n  default 0;\n  \"/\" 1;\n  \"/index.php\" 1;\n}}\n",
      bucket, std::max<std::size_t>(2048, table.redirects.size() * 4));
  std::string chain;
  for (const auto& key : keys) {
    http += fmt::format(
        "map \"$blogarchive_at_root|$arg_{}\" $blogarchive_q_{} {{\n  default \"\";\n", key, key);
    for (const auto& r : table.redirects) {
      if (r.query_key == key && !unsafe_for_config(r.query_value)) {
        http += fmt::format("  {} {};\n", double_quoted("1|" + encoded_value(r.query_value)),
                            double_quoted(site::href(r.to)));
      }
    }
    http += "}\n";
    chain += fmt::format("$blogarchive_q_{}|", key);
  }
  if (table.search) {
    http += fmt::format(
        "map \"$blogarchive_at_root|$arg_s\" $blogarchive_q_s {{\n  default \"\";\n"
        "  \"~^1\\|(?<words>.+)$\" \"{}?q=$words\";\n}}\n",
        kSearchTarget);
    chain += "$blogarchive_q_s|";
  }
  if (!keys.empty()) {
    // Any other value of the old query keys named something never published: a 404,
    // decided before the paths ("/index.php" → "/" would send it to the overview).
    std::string values;
    for (const auto& key : keys) {
      values += "$arg_" + key;
    }
    http += fmt::format(
        "map \"$blogarchive_at_root|{}\" $blogarchive_never_published {{\n  default \"\";\n"
        "  \"~^1\\|.\" \"{}\";\n}}\n",
        values, kNeverPublished);
    chain += "$blogarchive_never_published|";
  }
  http += "map $uri $blogarchive_path {\n  default \"\";\n";
  for (const auto& r : table.redirects) {
    if (r.is_query() || unsafe_for_config(r.from_path)) {
      continue;
    }
    const std::string to = double_quoted(site::href(r.to));
    for (const auto& from : path_forms(r.from_path)) {
      http += fmt::format("  {} {};\n", double_quoted(from), to);
    }
  }
  http += "}\n";
  chain += "$blogarchive_path";
  http += fmt::format(
      "map \"{}\" $blogarchive_redirect {{\n  default \"\";\n  \"~^\\|*(?<target>[^|]+)\" "
      "$target;\n}}\n",
      chain);
  const std::string server = fmt::format(
      "# The old blog's URLs (written by blogarchive). Include in the archive's server block.\n"
      "if ($blogarchive_redirect = \"{}\") {{\n  return 404;\n}}\n"
      "if ($blogarchive_redirect) {{\n  return 301 $blogarchive_redirect;\n}}\n",
      kNeverPublished);
  return {std::move(http), server};
}

std::string caddy_redirects(const RedirectTable& table) {
  // `route` keeps the order as written; Caddy would otherwise sort redir by matcher.
  std::string out =
      "# The old blog's URLs, answered with 301 (written by blogarchive).\n"
      "# Import inside the archive's site block: import redirects.caddy\n"
      "route {\n";
  int matcher = 0;
  if (table.search) {
    out += fmt::format(
        "  @old_search {{\n    path / /index.php\n    expression {{query.s}} != \"\"\n  }}\n"
        "  redir @old_search {}?q={{query.s}} 301\n",
        kSearchTarget);
  }
  for_each_in_order(
      table,
      [&](const Redirect& r) {
        if (unsafe_for_config(r.from_path) || unsafe_for_config(r.query_value)) {
          return;
        }
        const std::string to = site::href(r.to);
        if (r.is_query()) {
          out += fmt::format(
              "  @old{} {{\n    path / /index.php\n    query {}={}\n  }}\n  redir @old{} {} 301\n",
              matcher, r.query_key, encoded_value(r.query_value), matcher, to);
          ++matcher;
        } else if (r.from_path.find('%') == std::string::npos) {
          // Caddy matches decoded paths against a decoded pattern; a pattern with escapes
          // switches it to escaped matching, which Caddy 2.6 does not do exactly.
          for (const auto& from : path_forms(r.from_path)) {
            out += fmt::format("  redir {} {} 301\n", double_quoted(from), to);
          }
        }
      },
      [&] {
        const auto keys = query_keys(table);
        if (keys.empty()) {
          return;
        }
        std::string condition;
        for (const auto& key : keys) {
          condition += fmt::format("{}{{query.{}}} != \"\"", condition.empty() ? "" : " || ", key);
        }
        out += fmt::format(
            "  # Any other value of these keys named something never published.\n"
            "  @never_published {{\n    path / /index.php\n    expression `{}`\n  }}\n"
            "  error @never_published 404\n",
            condition);
      });
  return out + "}\n";
}

std::string redirect_page(std::string_view target_href, std::string_view canonical_url,
                          std::string_view language) {
  const std::string href = core::escape_html(target_href);
  const std::string canonical = core::escape_html(canonical_url);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
      "<link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n"
      "<meta http-equiv=\"refresh\" content=\"0; url={}\">\n</head>\n"
      "<body>\n<p><a href=\"{}\">{}</a></p>\n</body>\n</html>\n",
      core::escape_html(language), canonical, canonical, href, href, canonical);
}

std::vector<RedirectRule> parse_redirects_file(std::string_view text) {
  std::vector<RedirectRule> rules;
  for (const std::string_view raw_line : core::split(text, '\n')) {
    std::vector<std::string_view> fields;
    for (const std::string_view field : core::split(raw_line, ' ')) {
      if (!field.empty()) {
        fields.push_back(field);
      }
    }
    if (fields.empty() || fields[0].front() != '/') {
      continue;  // blank lines, comments, rules for other hosts
    }
    RedirectRule rule;
    std::size_t next = 1;
    if (fields.size() >= 3 && fields[1].find('=') != std::string_view::npos &&
        fields[1].front() != '/') {
      const auto equals = fields[1].find('=');
      rule.query_key = std::string(fields[1].substr(0, equals));
      const std::string_view value = fields[1].substr(equals + 1);
      rule.query_value = value.starts_with(':') ? std::string(value) : core::percent_decode(value);
      next = 2;
    }
    const auto path = request_path(fields[0]);
    const std::string_view status = fields.size() > next + 1 ? fields[next + 1] : "301";
    if (!path || next >= fields.size() || (status != "301" && status != "404")) {
      continue;
    }
    rule.status = status == "404" ? 404 : 301;
    rule.path = *path;
    rule.to = std::string(fields[next]);
    rules.push_back(std::move(rule));
  }
  return rules;
}

RedirectMatcher::RedirectMatcher(std::string_view redirects_file) {
  for (auto& rule : parse_redirects_file(redirects_file)) {
    std::string path = rule.path;
    rules_[std::move(path)].push_back(std::move(rule));
    ++size_;
  }
}

std::optional<RedirectMatcher::Match> RedirectMatcher::match(std::string_view target) const {
  const core::UrlParts parts = core::split_url(target);
  const auto path = request_path(parts.path);
  if (!path) {
    return std::nullopt;
  }
  const auto rules = rules_.find(*path);
  if (rules == rules_.end()) {
    return std::nullopt;
  }
  // As the file orders them: query forms (their 404 lines last), then the path alone.
  for (const bool query : {true, false}) {
    for (const auto& rule : rules->second) {
      if (rule.query_key.empty() == query) {
        continue;
      }
      if (!query) {
        return Match{rule.status, rule.to};
      }
      const auto value = core::query_value(parts.query, rule.query_key);
      if (!value || value->empty()) {
        continue;
      }
      if (rule.query_value.starts_with(':')) {
        const auto at = rule.to.find(rule.query_value);
        if (at == std::string::npos) {
          return Match{rule.status, rule.to};
        }
        return Match{rule.status, rule.to.substr(0, at) + core::percent_encode_path(*value) +
                                      rule.to.substr(at + rule.query_value.size())};
      }
      if (*value == rule.query_value) {
        return Match{rule.status, rule.to};
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> RedirectMatcher::location_for(std::string_view target) const {
  auto found = match(target);
  return found && found->status == 301 ? std::optional(std::move(found->to)) : std::nullopt;
}

bool RedirectMatcher::never_published(std::string_view target) const {
  const auto found = match(target);
  return found && found->status == 404;
}

}  // namespace blogarchive::redirects
