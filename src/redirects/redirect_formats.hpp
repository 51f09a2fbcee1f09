#pragma once
// The redirect table, written for each kind of host. Every format answers the same
// URLs with the same 301s; tests/golden/redirects holds one site's files.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "redirects/redirect_table.hpp"

namespace blogarchive::redirects {

/// Netlify's and Cloudflare Pages' `_redirects` (query forms as `/ p=12 /to/ 301`, which
/// Netlify reads; Cloudflare Pages ignores those lines), ending with `/ p=:p /404.html 404`
/// for each query key: every other value is a 404. `serve` reads this file too.
std::string netlify_redirects(const RedirectTable& table);

/// Apache's `.htaccess`: mod_rewrite rules, since only mod_rewrite sees query strings.
std::string apache_htaccess(const RedirectTable& table);

/// nginx: `http` goes into the http block (maps), `server` into the archive's server
/// block (one `if` that returns the 301).
struct NginxConfig {
  std::string http;
  std::string server;
};
NginxConfig nginx_config(const RedirectTable& table);

/// Caddy: directives for the archive's site block (`import redirects.caddy`).
std::string caddy_redirects(const RedirectTable& table);

/// A static page that sends browsers on to `target_href` (root-relative, so that it
/// works on whatever host serves the site) and names `canonical_url` (absolute) for
/// search engines: meta refresh, rel=canonical and a visible link, for hosts without
/// redirects.
std::string redirect_page(std::string_view target_href, std::string_view canonical_url,
                          std::string_view language);

/// One rule of a `_redirects` file as netlify_redirects writes it.
struct RedirectRule {
  std::string path;         ///< decoded, normalized ("/" for the query forms)
  std::string query_key;    ///< empty: path only
  std::string query_value;  ///< decoded; ":name" passes the value on as the target's placeholder
  std::string to;           ///< as written (percent-encoded)
  int status = 301;         ///< 404: a query key's other values, which name nothing published
};

/// The 301 and 404 rules of a `_redirects` file, in file order. Lines it does not understand are
/// skipped: the file may have been edited by hand.
std::vector<RedirectRule> parse_redirects_file(std::string_view text);

/// Answers request targets ("/?p=12", "/index.php/2010/01/x/") from a `_redirects`
/// file as netlify_redirects writes it: what `serve` uses, so a preview answers the old
/// URLs as the production host does.
class RedirectMatcher {
 public:
  explicit RedirectMatcher(std::string_view redirects_file);
  /// The Location for a raw request target, if one of the 301 rules matches.
  std::optional<std::string> location_for(std::string_view target) const;
  /// Whether the target is an old query form ("/?p=999") whose value no 301 rule knew:
  /// a draft's, private or deleted item's id, which must answer 404 and not the overview.
  bool never_published(std::string_view target) const;
  std::size_t size() const { return size_; }

 private:
  struct Match {
    int status;
    std::string to;
  };
  /// The first rule that answers the target, in the file's order.
  std::optional<Match> match(std::string_view target) const;

  std::unordered_map<std::string, std::vector<RedirectRule>> rules_;  ///< by path
  std::size_t size_ = 0;
};

}  // namespace blogarchive::redirects
