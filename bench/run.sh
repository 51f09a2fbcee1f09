#!/usr/bin/env bash
# Side-by-side benchmark: blogarchive against Hugo (the generator users would otherwise
# pick) on the same corpus, in one run on this machine, plus the physical floors (a bare
# streaming XML parse of the export, a plain copy of the output tree). Cold, warm,
# unchanged and incremental builds, with and without the search index, with the peak
# memory of each. Writes the tables to docs/benchmarks.md.
#
#   bench/run.sh [--sizes "1000 10000 50000 100000"] [--runs 3] [--work DIR]
#
# The corpus comes from ../shared/bench/gen_corpus.py (a WXR export and the equivalent
# Hugo content) and is kept in the work folder between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes="10000 50000 100000"
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
# Each size is measured with the search index (the default) and without ([search]
# enabled = false), each variant with its own store so that one variant's builds never
# fill the other's caches.
variants="search nosearch"
suffix_of() { if [ "$1" = nosearch ]; then echo -no-search; fi; }
for n in $sizes; do
  corpus=$(corpus "$n")
  for variant in $variants; do
    printf 'title = "Notizen aus der Südstadt"\nlanguage = "de"\nbase_url = "http://blog.example.org/"\nper_page = 50\n' \
      >"$work/archive-$n-$variant.toml"
    if [ "$variant" = nosearch ]; then printf '[search]\nenabled = false\n' >>"$work/archive-$n-$variant.toml"; fi
  done
  for run in $(seq "$runs"); do
    echo "bench: $n posts, run $run of $runs"
    measure "$n xmllint-stream" xmllint --stream --noout "$corpus/wxr.xml"
    rm -rf "$tmpfs/hugo" "$work/hugo-cache"
    measure "$n hugo-tmpfs" hugo --quiet --source "$shared/hugo-site" --contentDir "$corpus/hugo/content" \
      --destination "$tmpfs/hugo" --cacheDir "$work/hugo-cache"
    for variant in $variants; do
      store="$work/store-$n-$variant.db" config="$work/archive-$n-$variant.toml" suffix=$(suffix_of "$variant")
      rm -rf "$store" "$store"-* "$tmpfs/site-cold" "$tmpfs/site-$variant"
      measure "$n import$suffix" "$blogarchive" import "$corpus/wxr.xml" --store "$store" --quiet
      # Cold: the first build after the import, every post through the HTML5 parser
      # and sanitizer, every document analysed for search.
      measure "$n build-cold$suffix" "$blogarchive" build --store "$store" --config "$config" \
        --out "$tmpfs/site-cold" --quiet
      # Warm: a later build that renders every document again (what a new theme or
      # config does), into a new folder, so nothing can be kept from the last build.
      measure "$n build-warm$suffix" "$blogarchive" build --store "$store" --config "$config" \
        --out "$tmpfs/site-$variant" --quiet
      # Unchanged: the same build again into the same folder: every document is kept.
      measure "$n build-unchanged$suffix" "$blogarchive" build --store "$store" --config "$config" \
        --out "$tmpfs/site-$variant" --quiet
      rm -rf "$tmpfs/site-cold"
    done
    rm -rf "$work/site-disk" "$work/copy-disk"
    sync
    measure "$n build-disk" "$blogarchive" build --store "$work/store-$n-search.db" \
      --config "$work/archive-$n-search.toml" --out "$work/site-disk" --quiet
    sync
    measure "$n cp-disk" cp -r "$tmpfs/site-search" "$work/copy-disk"
    sync
  done
  echo "$n files-wxr 1 $(stat -c %s "$corpus/wxr.xml")" >>"$results"
  echo "$n files-hugo $(tree_size "$tmpfs/hugo")" >>"$results"
  echo "$n files-blogarchive $(tree_size "$tmpfs/site-search")" >>"$results"

  # Incremental: change one published post, re-import, rebuild over the same tree.
  python3 bench/change_one_post.py "$corpus/wxr.xml" "$work/changed.xml"
  for variant in $variants; do
    store="$work/store-$n-$variant.db" config="$work/archive-$n-$variant.toml" suffix=$(suffix_of "$variant")
    touch "$work/marker"
    sleep 1
    measure "$n reimport-changed$suffix" "$blogarchive" import "$work/changed.xml" --store "$store" --quiet
    measure "$n build-incremental$suffix" "$blogarchive" build --store "$store" --config "$config" \
      --out "$tmpfs/site-$variant" --quiet
    echo "$n rewritten$suffix $(find "$tmpfs/site-$variant" -type f -newer "$work/marker" | wc -l) 0" >>"$results"
  done
  rm -f "$work/changed.xml" "$work"/store-"$n"-*
  rm -rf "$tmpfs"/site-* "$tmpfs/hugo"
done

python3 bench/report.py "$results" "$runs" >"$work/benchmarks.md"
python3 bench/search/report.py --keep docs/benchmarks.md "$work/benchmarks.md"  # bench/search.sh's section
python3 bench/exports/report.py --keep docs/benchmarks.md "$work/benchmarks.md"  # bench/exports.sh's section
mv "$work/benchmarks.md" docs/benchmarks.md
echo "bench: wrote docs/benchmarks.md"
