#!/usr/bin/env bash
# The whole check, the same locally and in CI: install what is missing, check the
# layering and the format, build, run every test. ctest prints the summary CI reads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# Conventions first, by machine: module layering (src/*/README.md "May depend on") and format.
python3 scripts/check_layers.py
bash scripts/check_format.sh
cmake --preset ci
cmake --build --preset ci -j 2
ctest --preset ci
