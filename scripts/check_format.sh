#!/usr/bin/env bash
# Fails when a C++ file of the repository differs from what clang-format (Debian 12's,
# with the project's .clang-format) makes of it, and names each such file.
# `bash scripts/check_format.sh --fix` rewrites them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
differ=()
for file in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
    differ+=("$file")
  fi
done
if [ "${#differ[@]}" -gt 0 ]; then
  printf 'format: %s differs from clang-format\n' "${differ[@]}"
  echo "format: ${#differ[@]} of ${#files[@]} files; run bash scripts/check_format.sh --fix" >&2
  exit 1
fi
echo "format: ${#files[@]} files as clang-format makes them"
