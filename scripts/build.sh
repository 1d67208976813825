#!/usr/bin/env bash
# Configures and builds jobfit (and the web app when present) into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f build/build.ninja ]]; then
  cmake --preset default >/dev/null
fi
cmake --build --preset default -j"$(nproc)"
if [[ -f web/package.json ]]; then
  (cd web && npm run --silent build)
fi
