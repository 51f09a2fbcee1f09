#!/usr/bin/env bash
# Installs what is missing, builds, turns the bundled sample blog into an archive and
# serves it at http://127.0.0.1:8080 (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j 2
mkdir -p build/demo
rm -f build/demo/werkstattblog.db
build/release/src/cli/blogarchive import examples/werkstattblog.wordpress.xml --store build/demo/werkstattblog.db \
  --uploads examples/uploads
build/release/src/cli/blogarchive build --store build/demo/werkstattblog.db --config examples/archive.toml --out build/demo/site
exec build/release/src/cli/blogarchive serve build/demo/site --host 127.0.0.1 --port 8080
