#!/usr/bin/env bash
# Side-by-side benchmark: blogarchive against Hugo (the generator users would otherwise
# pick) on the same corpus, in one run on this machine, plus the physical floors (a bare
# streaming XML parse of the export, a plain copy of the output tree). Writes the table
# to docs/benchmarks.md.
#
#   bench/run.sh [--sizes "1000 10000 50000 100000"] [--runs 3] [--work DIR]
#
# The corpus comes from ../shared/bench/gen_corpus.py (a WXR export and the equivalent
# Hugo content) and is kept in the work folder between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes="1000 10000 50000 100000"
runs=3
work="${TMPDIR:-/tmp}/blogarchive-bench"
source bench/common.sh
parse_bench_options bench/run.sh "$@"
tmpfs=/dev/shm/blogarchive-bench
mkdir -p "$tmpfs"
trap 'rm -rf "$tmpfs"' EXIT
build_release --bench

# measure NAME COMMAND...: runs the command under /usr/bin/time and appends
# "NAME wall_s cpu_s peak_kib" to $results.
measure() {
  local name="$1"; shift
  local timing="$work/time.txt"
  /usr/bin/time -f "%e %U %S %M" -o "$timing" "$@" >"$work/last.log" 2>&1 || {
    echo "bench: '$*' failed:" >&2; tail -20 "$work/last.log" >&2; exit 1; }
  read -r wall user sys peak <"$timing"
  echo "$name $wall $(echo "$user + $sys" | bc) $peak" >>"$results"
}

tree_size() { echo "$(find "$1" -type f | wc -l) $(du -sb "$1" | cut -f1)"; }

results="$work/results.txt"
: >"$results"
for n in $sizes; do
  corpus=$(corpus "$n")
  config="$work/archive-$n.toml"
  printf 'title = "Notizen aus der Südstadt"\nlanguage = "de"\nbase_url = "http://blog.example.org/"\nper_page = 50\n' >"$config"
  for run in $(seq "$runs"); do
    echo "bench: $n posts, run $run of $runs"
    rm -f "$work/store-$n.db" "$work/store-$n.db-render-cache"*
    measure "$n import" "$blogarchive" import "$corpus/wxr.xml" --store "$work/store-$n.db" --quiet
    measure "$n xmllint-stream" xmllint --stream --noout "$corpus/wxr.xml"
    rm -rf "$tmpfs/hugo" "$tmpfs/site" "$tmpfs/site-cold" "$work/hugo-cache"
    measure "$n hugo-tmpfs" hugo --quiet --source "$shared/hugo-site" --contentDir "$corpus/hugo/content" \
      --destination "$tmpfs/hugo" --cacheDir "$work/hugo-cache"
    # Cold: no render cache yet, every post goes through the HTML5 parser and sanitizer.
    measure "$n build-cold-tmpfs" "$blogarchive" build --store "$work/store-$n.db" --config "$config" \
      --out "$tmpfs/site-cold" --quiet
    # Warm: a rebuild (new theme, config or a few changed posts) takes unchanged posts
    # from the render cache the cold build left.
    measure "$n build-tmpfs" "$blogarchive" build --store "$work/store-$n.db" --config "$config" \
      --out "$tmpfs/site" --quiet
    rm -rf "$tmpfs/site-cold"
    rm -rf "$work/site-disk" "$work/copy-disk"
    sync
    measure "$n build-disk" "$blogarchive" build --store "$work/store-$n.db" --config "$config" \
      --out "$work/site-disk" --quiet
    sync
    measure "$n cp-disk" cp -r "$tmpfs/site" "$work/copy-disk"
    sync
  done
  echo "$n files-wxr 1 $(stat -c %s "$corpus/wxr.xml")" >>"$results"
  echo "$n files-hugo $(tree_size "$tmpfs/hugo")" >>"$results"
  echo "$n files-blogarchive $(tree_size "$tmpfs/site")" >>"$results"

  # Incremental: change one published post, re-import, rebuild over the same tree.
  python3 bench/change_one_post.py "$corpus/wxr.xml" "$work/changed.xml"
  touch "$work/marker"
  sleep 1
  measure "$n reimport-changed" "$blogarchive" import "$work/changed.xml" --store "$work/store-$n.db" --quiet
  measure "$n build-incremental" "$blogarchive" build --store "$work/store-$n.db" --config "$config" \
    --out "$tmpfs/site" --quiet
  echo "$n rewritten $(find "$tmpfs/site" -type f -newer "$work/marker" | wc -l) 0" >>"$results"
  rm -f "$work/changed.xml"
done

python3 bench/report.py "$results" "$runs" >"$work/benchmarks.md"
python3 bench/search/report.py --keep docs/benchmarks.md "$work/benchmarks.md"  # bench/search.sh's section
python3 bench/exports/report.py --keep docs/benchmarks.md "$work/benchmarks.md"  # bench/exports.sh's section
mv "$work/benchmarks.md" docs/benchmarks.md
echo "bench: wrote docs/benchmarks.md"
