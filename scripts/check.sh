#!/usr/bin/env bash
# The whole check, the same locally and in CI: install what is missing, build, run
# every test. ctest prints the summary CI reads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
cmake --preset ci
cmake --build --preset ci -j 2
ctest --preset ci
