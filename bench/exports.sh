#!/usr/bin/env bash
# Export benchmark: blogarchive's WARC and ZIM exports against the tools a user would
# otherwise pick, side by side in one run, on the same built site of the reference
# corpus (../shared/bench/gen_corpus.py):
#   WARC: `blogarchive export --warc` against `wget --mirror --warc-file` crawling the
#         site as `blogarchive serve` serves it (wget 1.21, Debian's).
#   ZIM:  `blogarchive export --zim` against zimwriterfs (zim-tools 3.1, Debian's) on the
#         same folder, both with a full-text index and 2 worker threads.
# Also: the redirect table of the built site (rules, bytes of _redirects and .htaccess).
#
#   bench/exports.sh [--sizes "10000"] [--runs 3] [--work DIR]
#
# Writes the "Exports" section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes="10000"
runs=3
work="${TMPDIR:-/tmp}/blogarchive-bench"
source bench/common.sh
parse_bench_options bench/exports.sh "$@"
build_release --bench --test
results="$work/exports-results.txt"
: >"$results"
port=8098
server=
tmpfs=/dev/shm/blogarchive-exports-bench
mkdir -p "$tmpfs"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmpfs"' EXIT

for n in $sizes; do
  corpus=$(corpus "$n")
  store="$work/exports-$n.db" site="$tmpfs/site-$n" config="$work/exports-$n.toml"
  printf 'title = "Notizen aus der Südstadt"\nlanguage = "de"\nbase_url = "http://127.0.0.1:%s/"\n' "$port" >"$config"
  rm -f "$store" "$store-render-cache"
  "$blogarchive" import "$corpus/wxr.xml" --store "$store" --quiet >/dev/null
  "$blogarchive" build --store "$store" --config "$config" --out "$site" --quiet >/dev/null
  echo "$n site $(find "$site" -type f | wc -l) $(du -sb "$site" | cut -f1)" >>"$results"
  echo "$n redirects $(grep -c ' 301$' "$site/_redirects") $(stat -c %s "$site/_redirects") $(stat -c %s "$site/.htaccess")" >>"$results"
  # zimwriterfs takes its illustration from inside the folder: the one blogarchive-zim draws.
  python3 bench/exports/illustration.py "$site/bench-illustration.png"
  for run in $(seq "$runs"); do
    measure_wall "$n warc-blogarchive-$run" "$blogarchive" export --store "$store" --config "$config" --site "$site" \
      --warc "$tmpfs/a.warc.gz"
    "$blogarchive" serve "$site" --port "$port" >/dev/null 2>&1 &
    server=$!
    sleep 1
    rm -rf "$tmpfs/wget"
    # wget exits 8 when a link answers with an error status; the crawl is complete anyway.
    measure_wall "$n warc-wget-$run" sh -c "wget --mirror --no-verbose --no-host-directories -P '$tmpfs/wget' \
      --warc-file='$tmpfs/b' --no-warc-keep-log http://127.0.0.1:$port/ || [ \$? -eq 8 ]"
    kill "$server"; wait "$server" 2>/dev/null || true
    server=
    measure_wall "$n zim-blogarchive-$run" "$blogarchive" export --store "$store" --config "$config" --site "$site" \
      --zim "$tmpfs/a.zim"
    rm -f "$tmpfs/b.zim"
    measure_wall "$n zim-zimwriterfs-$run" zimwriterfs --welcome=index.html --illustration=bench-illustration.png \
      --language=deu --title="Notizen aus der Südstadt" --description="Benchmark" --creator=bench --publisher=bench \
      --name=bench_de_all --threads=2 "$site" "$tmpfs/b.zim"
  done
  echo "$n warc-sizes $(stat -c %s "$tmpfs/a.warc.gz") $(stat -c %s "$tmpfs/b.warc.gz")" >>"$results"
  echo "$n warc-records $(zcat "$tmpfs/a.warc.gz" | grep -ac '^WARC-Type: response') $(zcat "$tmpfs/b.warc.gz" | grep -ac '^WARC-Type: response')" >>"$results"
  echo "$n zim-sizes $(stat -c %s "$tmpfs/a.zim") $(stat -c %s "$tmpfs/b.zim")" >>"$results"
  # What zimcheck says of each file's links: the site's links are root-relative, which a
  # ZIM reader cannot follow unless they are made relative (blogarchive does).
  for tool in a b; do
    if zimcheck -A "$tmpfs/$tool.zim" >"$work/zimcheck-$tool.log" 2>&1; then status=pass; else status=fail; fi
    echo "$n zimcheck-$tool $status $(grep -c 'were not found in article' "$work/zimcheck-$tool.log" || true)" >>"$results"
  done
  rm -rf "$site" "$tmpfs/wget" "$tmpfs"/*.warc.gz "$tmpfs"/*.zim
done

python3 bench/exports/report.py "$results" "$blogarchive" >"$work/exports-section.md"
python3 bench/exports/report.py --splice docs/benchmarks.md "$work/exports-section.md"
echo "bench: wrote the exports section of docs/benchmarks.md"
