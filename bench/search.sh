#!/usr/bin/env bash
# Search benchmark: blogarchive's built-in search against Pagefind 1.6 (npm), side by
# side in one run, on the same built site: the sample blog and the reference corpus
# (../shared/bench/gen_corpus.py). Pagefind indexes exactly the article pages
# blogarchive indexes (hard links of them), so both search the same texts.
#
#   bench/search.sh [--sizes "10000 50000"] [--work DIR]
#
# Measures: indexing time and peak memory (blogarchive's index is made during `build`,
# so its cost is a build with search minus one without), index size and file count,
# bytes Chromium downloads for a cold and a follow-up query (5 results with their
# data), and known-item success@1/@5 (bench/search/queries.py for the corpus,
# bench/search/sample-queries.json for the sample). Writes the "Search" section of
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes="10000"
runs=3  # search.sh measures three builds of each kind
work="${TMPDIR:-/tmp}/blogarchive-bench"
source bench/common.sh
parse_bench_options bench/search.sh "$@"
build_release --bench --test
(cd bench/search && npm ci --no-audit --no-fund --silent)
pagefind="$root/bench/search/node_modules/.bin/pagefind"
results="$work/search-results.txt"
: >"$results"
port=8097
server=
tmpfs=/dev/shm/blogarchive-search-bench
mkdir -p "$tmpfs"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmpfs"' EXIT

tree() { echo "$(find "$1" -type f | wc -l) $(du -sb "$1" | cut -f1)"; }

# bench_site NAME EXPORT CONFIG QUERIES COLD_WORD FOLLOW_WORD
bench_site() {
  local name="$1" export="$2" config="$3" queries="$4" cold="$5" follow="$6"
  # Sites on tmpfs, as in bench/run.sh: disk writes made the build times noisy.
  local store="$work/search-$name.db" site="$tmpfs/search-$name-site" articles="$tmpfs/search-$name-articles"
  local off="$work/search-$name-off.toml"
  rm -rf "$store" "$store-render-cache" "$site" "$articles" "$tmpfs/search-$name-nosearch"
  "$blogarchive" import "$export" --store "$store" --quiet >/dev/null
  { cat "$config"; printf '\n[search]\nenabled = false\n'; } >"$off"
  # Warm builds (render cache filled once), so that the difference is the index alone.
  "$blogarchive" build --store "$store" --config "$config" --out "$site" --quiet >/dev/null
  for run in 1 2 3; do
    measure_wall "$name build-without-search-$run" "$blogarchive" build --store "$store" --config "$off" \
      --out "$tmpfs/search-$name-nosearch" --quiet
    measure_wall "$name build-with-search-$run" "$blogarchive" build --store "$store" --config "$config" \
      --out "$site" --quiet
  done
  echo "$name index-blogarchive $(tree "$site/search" | sed 's/ / /')" >>"$results"
  echo "$name documents $(grep -o '"documents":[0-9]*' "$site/search/manifest.json" | cut -d: -f2)" >>"$results"
  # Pagefind gets the same article pages: the paths the sitemap lists as articles.
  cp -al "$site" "$articles"
  find "$articles" -type f -regextype posix-extended \
    ! -regex '.*/[0-9]{4}/[0-9]{2}/([0-9]{2}/)?[^/]+/index\.html' -delete
  echo "$name pagefind-pages $(find "$articles" -name '*.html' | wc -l)" >>"$results"
  rm -rf "$site/pagefind"
  measure_wall "$name pagefind-index" "$pagefind" --site "$articles" --output-path "$site/pagefind"
  echo "$name index-pagefind $(tree "$site/pagefind")" >>"$results"
  # Serve it as a static host would; the benchmark page carries no CSP (Pagefind needs
  # WebAssembly, which the archive's policy does not allow).
  mkdir -p "$site/bench"
  cp bench/search/page.html bench/search/page.js "$site/bench/"
  : >"$site/_headers"  # no CSP from serve either
  "$blogarchive" serve "$site" --port "$port" >/dev/null 2>&1 &
  server=$!
  sleep 1
  node bench/search/measure.mjs "http://127.0.0.1:$port" "$queries" "$cold" "$follow" >"$work/search-$name.json"
  kill "$server"
  server=
  rm -rf "$site" "$articles" "$tmpfs/search-$name-nosearch"
  echo "$name measured $work/search-$name.json" >>"$results"
}

printf 'title = "Werkstattblog"\nlanguage = "de"\nbase_url = "https://archiv.example.org/"\n' >"$work/search-sample.toml"
bench_site sample examples/werkstattblog.wordpress.xml "$work/search-sample.toml" bench/search/sample-queries.json \
  Hobelbank Schellack
for n in $sizes; do
  corpus=$(corpus "$n")
  printf 'title = "Notizen aus der Südstadt"\nlanguage = "de"\nbase_url = "http://blog.example.org/"\nper_page = 50\n' \
    >"$work/search-$n.toml"
  python3 bench/search/queries.py "$corpus/wxr.xml" "$shared/gen_corpus.py" --per-kind 100 >"$work/queries-$n.json"
  bench_site "$n" "$corpus/wxr.xml" "$work/search-$n.toml" "$work/queries-$n.json" Straßenbahn Brücke
done

python3 bench/search/report.py "$results" "$blogarchive" "$pagefind" >"$work/search-section.md"
python3 bench/search/report.py --splice docs/benchmarks.md "$work/search-section.md"
echo "bench: wrote the search section of docs/benchmarks.md"
