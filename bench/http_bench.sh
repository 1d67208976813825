#!/usr/bin/env bash
# HTTP throughput of `jobfit serve`: wrk on loopback, keep-alive, 64 connections, against
# GET /api/episodes?limit=100 on a database of 10,000 episodes. As a baseline measured in the
# same run, GET /api/health (no database, a tiny answer) shows what the HTTP layer alone costs.
# Usage: bench/http_bench.sh [build-dir]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jobfit=$build/jobfit
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[[ -x $jobfit ]] || { echo "build jobfit first: $jobfit"; exit 1; }

work=$(mktemp -d)
server=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# 10,000 episodes over about 3.5 years of workdays, imported through the CLI.
node -e '
  const acts = ["writing", "meetings", "analysis", "planning", "managing-people"];
  const episodes = [];
  const start = Date.UTC(2022, 0, 3);
  for (let i = 0; i < 10000; i++) {
    const day = new Date(start + Math.floor(i / 8) * 86400000);
    const t = new Date(day.getTime() + (8 + (i % 8)) * 3600000);
    episodes.push({
      id: i + 1, start: t.toISOString().replace(/\.000Z$/, "Z"),
      date: day.toISOString().slice(0, 10), minutes: 30 + (i % 90),
      activities: i % 7 ? [acts[i % 5]] : [acts[i % 5], acts[(i + 1) % 5]],
      with: i % 3 ? "team" : null, note: i % 5 ? null : "episode " + i,
      happy: i % 7, engaged: (i * 3) % 7, stressed: (i * 5) % 7, frustrated: null,
      tired: i % 4, meaningful: null, energy: (i % 5) - 2,
    });
  }
  process.stdout.write(JSON.stringify({format: "jobfit-export", version: 1, episodes}));
' > "$work/seed.json"
TZ=UTC JOBFIT_NOW=2026-01-01T12:00:00Z "$jobfit" --db "$work/bench.db" import "$work/seed.json"

port=$((20000 + RANDOM % 20000))
"$jobfit" --db "$work/bench.db" serve --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  grep -q "running at" "$work/serve.log" 2>/dev/null && break
  sleep 0.05
done
url="http://127.0.0.1:$port"
curl -sf -o /dev/null "$url/api/episodes?limit=100" || { cat "$work/serve.log"; exit 1; }

run() {
  echo "== GET $1"
  wrk -t2 -c64 -d"${DURATION:-10s}" --latency "$url$1" | grep -E "Requests/sec|Transfer/sec|Latency |  50%|  99%|Non-2xx|Socket errors"
}
run "/api/health"
run "/api/episodes?limit=100"
