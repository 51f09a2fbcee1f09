#!/usr/bin/env bash
# Fuzzes the WXR, Movable Type, feed and Blogger readers, the sanitizer and the link rewriter with libFuzzer (clang,
# preset "fuzz"), SECONDS per target (default 60), then merges inputs that reached new
# code into fuzz/corpus and copies every crash into fuzz/regressions/<target>/, where
# the default test suite replays it from then on. Commit both after looking at them.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/install-deps.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for target in wxr_reader mt_reader feed_reader blogger_reader sanitizer link_rewriter; do
  mkdir -p "$scratch/$target" "fuzz/regressions/$target"
  echo "fuzz: $target for ${seconds}s"
  dictionary=()
  if [ -f "fuzz/$target.dict" ]; then dictionary=(-dict="fuzz/$target.dict"); fi
  if ! "build/fuzz/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 "${dictionary[@]}" \
      -artifact_prefix="fuzz/regressions/$target/" "$scratch/$target" "fuzz/corpus/$target" \
      "fuzz/regressions/$target" 2>"$scratch/$target.log"; then
    echo "fuzz: $target found a crash (now in fuzz/regressions/$target/):"
    grep -E 'ERROR|promise|SUMMARY' "$scratch/$target.log" | head -5
    status=1
  fi
  "build/fuzz/fuzz/fuzz_$target" -merge=1 "fuzz/corpus/$target" "$scratch/$target" 2>/dev/null
  rmdir --ignore-fail-on-non-empty "fuzz/regressions/$target"
done
git status --short fuzz
exit $status
