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
  libkainjow-mustache-dev # templates
  libtomlplusplus-dev     # archive.toml
  libcpp-httplib-dev      # blogarchive serve
  libcli11-dev            # command line
  libfmt-dev              # formatting (g++ 12 has no <format>)
  libicu-dev              # dates, slugs, Unicode
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # Markdown privacy policy, Markdown importers
  libxxhash-dev           # content hashes: which posts changed since the last build
  libdeflate-dev libbrotli-dev zlib1g-dev  # build --precompress (.gz, .br); zlib checks them
  libgtest-dev libgmock-dev
)
# bench/run.sh also needs the tools it compares against and measures with.
if [ "${1:-}" = "--bench" ]; then
  packages+=(hugo time libxml2-utils bc libbenchmark-dev)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
