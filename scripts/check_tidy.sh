#!/usr/bin/env bash
# Runs clang-tidy (Debian 12's, with the project's .clang-tidy) over every source file
# of src/ that the build compiles, in parallel, and fails on any finding. Needs the
# compile database of a configured build: `bash scripts/check_tidy.sh [BUILD_DIR]`
# (default build/ci). Tests are left out: gtest's macros trip half of bugprone.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: no $build/compile_commands.json; configure first (cmake --preset ci)" >&2
  exit 2
fi
mapfile -t files < <(git ls-files 'src/*.cpp' | grep -v '_test\.cpp$')
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One clang-tidy per file, as many at once as there are cores. The compile database is
# GCC's: clang does not know some of its warning options (-Wno-maybe-uninitialized).
if ! printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet \
    --extra-arg=-Wno-unknown-warning-option >"$log" 2>&1; then
  grep -E 'error:|warning:' "$log" | grep -v 'warnings generated' | sort -u >&2 || cat "$log" >&2
  echo "tidy: findings above; fix them (or, for a deliberate exception, NOLINT(check) with a reason)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files without findings"
