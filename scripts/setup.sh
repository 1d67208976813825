#!/usr/bin/env bash
# Installs what jobfit needs on Debian 12 (idempotent: installs only what is missing).
# Usage: scripts/setup.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libcpp-httplib-dev
  libhyperscan-dev libgumbo-dev libical-dev libcurl4-openssl-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
  nodejs npm
)
if [[ "${1:-}" == "--test" ]]; then
  # Browser tests drive Debian's Chromium; fuzzers build with clang; wrk runs
  # bench/http_bench.sh; GNU time and python3 measure the import's peak memory.
  packages+=(chromium clang libclang-rt-14-dev wrk time python3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # node/npm may come from elsewhere on a developer machine: a working command is enough.
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The web app's packages, exactly as the lockfile pins them.
if [[ -f web/package-lock.json ]]; then
  if [[ ! -d web/node_modules || web/package-lock.json -nt web/node_modules/.package-lock.json ]]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
