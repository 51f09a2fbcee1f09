#!/usr/bin/env bash
# Regenerates tests/golden/*/expected from the current build after an intended change
# to the output. Review `git diff tests/golden` before committing: every changed line
# is a change users will see.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
BLOGARCHIVE_UPDATE_GOLDEN=1 "build/$preset/tests/blogarchive_end_to_end_tests" --gtest_filter='Golden/*'
git status --short tests/golden
