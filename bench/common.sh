# Sourced by the bench/*.sh scripts: their options, the release build they measure, the
# reference corpus. Callers set the defaults of sizes, runs and work first.

# parse_bench_options SCRIPT "$@": --sizes "N...", --runs R, --work DIR.
parse_bench_options() {
  local script="$1"; shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --sizes) sizes="$2"; shift 2 ;;
      --runs) runs="$2"; shift 2 ;;
      --work) work="$2"; shift 2 ;;
      *) echo "usage: $script [--sizes \"N...\"] [--runs R] [--work DIR]" >&2; exit 2 ;;
    esac
  done
  shared="$root/../shared/bench"
  mkdir -p "$work"
}

# build_release INSTALL-DEPS-OPTIONS...: the tools installed, blogarchive built with the
# release preset; sets $blogarchive.
build_release() {
  bash scripts/install-deps.sh "$@" >/dev/null
  cmake --preset release >/dev/null
  cmake --build --preset release >/dev/null
  blogarchive="$root/build/release/src/cli/blogarchive"
}

# measure_wall NAME COMMAND...: appends "NAME wall_s peak_kib" to $results.
measure_wall() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/last.log" 2>&1 || {
    echo "bench: '$*' failed:" >&2; tail -20 "$work/last.log" >&2; exit 1; }
  echo "$name $(cat "$work/time.txt")" >>"$results"
}

# corpus N: the N-post reference corpus in $work (generated once), its folder on stdout.
corpus() {
  local dir="$work/corpus-$1"
  if [ ! -f "$dir/wxr.xml" ]; then
    echo "bench: generating the $1-post corpus" >&2
    python3 "$shared/gen_corpus.py" "$1" --out "$dir" >/dev/null
  fi
  echo "$dir"
}
