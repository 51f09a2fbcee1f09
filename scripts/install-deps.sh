#!/usr/bin/env bash
# Installs the Debian packages blogarchive needs to build, test and run.
# Idempotent: packages already present are skipped, and apt-get runs only when
# something is missing. Needs root (or sudo) on Debian 12 (bookworm).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkgconf tzdata
  libsqlite3-dev          # the store
  libxml2-dev             # WXR reader (streaming, recovering mode, line/column errors)
  libgumbo-dev            # HTML5 parser for post bodies
  libtomlplusplus-dev     # archive.toml, Hugo front matter and config
  libyaml-cpp-dev         # Jekyll and Hugo front matter and _config.yml
  libmicrohttpd-dev       # blogarchive serve (bounded memory per connection, thread pool)
  libcli11-dev            # command line
  libfmt-dev              # formatting (g++ 12 has no <format>)
  libicu-dev              # dates, slugs, Unicode, word breaks for search
  libstemmer-dev          # Snowball stemmers (german, english) for search
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # Markdown privacy policy, Markdown importers
  libxxhash-dev           # content hashes: which posts changed since the last build
  libstb-dev libwebp-dev  # image dimensions (JPEG, PNG, GIF; WebP) for width/height and srcset
  libdeflate-dev libbrotli-dev zlib1g-dev  # build --precompress (.gz, .br); zlib checks them
  libssl-dev libzip-dev   # export --warc/--wacz: SHA-1/SHA-256 digests, the WACZ zip
  libcurl4-openssl-dev    # import --fetch-media; the tests' HTTP client
  nlohmann-json3-dev      # JSON: WordPress's output in the tests' WordPress oracle
  libzim-dev              # blogarchive-zim (a separate GPL-3+ program, docs/licensing.md)
  libgtest-dev libgmock-dev
)
# --test: what the browser tests need (Debian's Chromium; Node.js and npm unless the
# machine already has them, e.g. from NodeSource, whose nodejs package bundles npm).
# --bench: the tools bench/run.sh compares against and measures with.
# --fuzz: clang with libFuzzer for the fuzz preset.
for option in "$@"; do
  case "$option" in
    # The exports are checked by the real servers and tools: nginx, Apache (apache2-bin:
    # the server without a system service), Caddy, zimcheck, kiwix-serve.
    # A real WordPress to compare with: Debian's package on a private MariaDB, with PHP.
    # fonts-dejavu: the fonts the screenshot baselines (tests/browser/baselines) were taken with.
    # clang-format, clang-tidy and python3: scripts/check.sh checks the format, the lint
    # and the module layering.
    --test) packages+=(clang-format clang-tidy python3 chromium fonts-dejavu-core fonts-dejavu-extra nginx-light apache2-bin media-types caddy zim-tools kiwix-tools
                       mariadb-server php-cli php-mysql php-xml wordpress)
            if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi ;;
    --bench) packages+=(hugo time libxml2-utils bc libbenchmark-dev) ;;
    --fuzz) packages+=(clang libclang-rt-dev) ;;
    *) echo "install-deps: unknown option $option (known: --test --bench --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# The browser tests' npm packages, exactly as package-lock.json pins them.
install_browser_test_modules() {
  local dir
  dir="$(dirname "$0")/../tests/browser"
  if [ ! -d "$dir/node_modules/playwright-core" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "install-deps: npm ci in tests/browser"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  if [[ " $* " == *" --test "* ]]; then install_browser_test_modules; fi
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# The tests start nginx and Caddy themselves, on 127.0.0.1 with their own configs.
# Installed here, they must not become services on port 80: a policy-rc.d denies every
# service start while apt-get runs, and a systemd machine gets them disabled afterwards.
# A server that was installed before is not touched (it is not in $missing).
policy=/usr/sbin/policy-rc.d
servers=()
for package in "${missing[@]}"; do
  case "$package" in
    nginx-light) servers+=(nginx) ;; caddy) servers+=(caddy) ;; mariadb-server) servers+=(mariadb) ;;
    wordpress) servers+=(apache2) ;;  # it pulls in PHP's Apache module, which restarts Apache
  esac
done
if [ ${#servers[@]} -gt 0 ] && [ ! -e "$policy" ]; then
  "${sudo_cmd[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
  trap '"${sudo_cmd[@]}" rm -f "$policy"' EXIT
fi
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
if [ ${#servers[@]} -gt 0 ] && [ -d /run/systemd/system ]; then
  "${sudo_cmd[@]}" systemctl disable --now "${servers[@]}" >/dev/null 2>&1 || true
fi
if [[ " $* " == *" --test "* ]]; then install_browser_test_modules; fi
