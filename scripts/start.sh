#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start jobfit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
if ./build/jobfit serve --help >/dev/null 2>&1; then
  exec ./build/jobfit serve "$@"
fi
./build/jobfit --help
echo
echo "jobfit is built at ./build/jobfit. Try: ./build/jobfit log 1h writing --happy 4 --stressed 1"
