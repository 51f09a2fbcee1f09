#!/usr/bin/env bash
# The whole check, the same locally and in CI: install what is missing, check the
# layering and the format, build (with AddressSanitizer and UndefinedBehaviorSanitizer:
# the ci preset), lint with clang-tidy, run every test under the sanitizers. ctest
# prints the summary CI reads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# Conventions first, by machine: module layering (src/*/README.md "May depend on") and format.
python3 scripts/check_layers.py
bash scripts/check_format.sh
cmake --preset ci
cmake --build --preset ci -j 2
bash scripts/check_tidy.sh build/ci
ctest --preset ci
