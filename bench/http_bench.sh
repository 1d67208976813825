#!/usr/bin/env bash
# HTTP throughput of `jobfit serve`: wrk on loopback, keep-alive, 64 connections.
# - GET /api/health (no database, a tiny answer): what the HTTP layer alone costs, the baseline
#   measured in the same run;
# - GET /api/episodes?limit=100 on a database of 10,000 episodes;
# - on a database of 100,000 synthetic postings (bench/synthetic_postings.mjs, imported through
#   the CLI): the list, a search, and GET /api/rank when the server has it.
# Every data route is measured twice: with the response cache (the default) and with
# `serve --no-cache`, every answer computed afresh. Prints a summary table at the end.
# Usage: bench/http_bench.sh [build-dir]     (needs wrk and node: apt-get install wrk nodejs)
# Environment: DURATION (10s), CONNECTIONS (64), POSTINGS (100000), ONLY=episodes|postings,
# KEEP=DIR keeps the databases in DIR and reuses them on the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
jobfit=$(realpath "$build/jobfit")
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
command -v node >/dev/null || { echo "node is not installed (apt-get install nodejs)"; exit 1; }
[[ -x $jobfit ]] || { echo "build jobfit first: $jobfit"; exit 1; }
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
postings=${POSTINGS:-100000}

work=$(mktemp -d)
data=${KEEP:-$work}
mkdir -p "$data"
server=""
stop_server() {
  if [[ -n $server ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
export TZ=UTC JOBFIT_NOW=2026-01-01T12:00:00Z

# 10,000 episodes over about 3.5 years of workdays, imported through the CLI.
episodes_db() {
  local db=$data/episodes.db
  [[ -f $db ]] && { echo "$db"; return; }
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
  ' > "$work/episodes.json"
  "$jobfit" --db "$db.tmp" import "$work/episodes.json" >&2
  mv "$db.tmp" "$db"
  echo "$db"
}

# $postings synthetic postings, imported through the CLI as JSON Lines.
postings_db() {
  local db=$data/postings-$postings.db
  [[ -f $db ]] && { echo "$db"; return; }
  node bench/synthetic_postings.mjs "$postings" > "$work/postings.jsonl"
  local started=$SECONDS
  "$jobfit" --db "$db.tmp" postings import "$work/postings.jsonl" >&2
  echo "imported $postings postings in $((SECONDS - started)) s" >&2
  mv "$db.tmp" "$db"
  echo "$db"
}

# A jobfit without the response cache (older builds) is measured once, as it is.
if "$jobfit" serve --help | grep -- --no-cache >/dev/null; then modes=(on off); else modes=(n/a); fi

url=""
start_server() {  # database, then extra serve arguments
  local port=$((20000 + RANDOM % 20000))
  "$jobfit" --db "$1" serve --port "$port" "${@:2}" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 200); do
    grep -q "running at" "$work/serve.log" 2>/dev/null && break
    sleep 0.05
  done
  url="http://127.0.0.1:$port"
  curl -sf -o /dev/null "$url/api/health" || { cat "$work/serve.log"; exit 1; }
}

rows=()
# One wrk run: route, label of the database, cache on/off/-, and optionally the number of
# connections (default $connections) and one more request header.
measure() {
  local route=$1 db=$2 cache=$3 conns=${4:-$connections} header=${5:-} out
  curl -sf -o /dev/null "$url$route" || { echo "GET $route failed"; exit 1; }
  out=$(wrk -t"$((conns < 2 ? 1 : 2))" -c"$conns" -d"$duration" --timeout 60s --latency \
    ${header:+-H "$header"} "$url$route")
  [[ -n $header ]] && cache="$cache+ae"
  echo "== GET $route ($db, cache $cache, $conns connections)"
  echo "$out" | grep -E "Requests/sec|Latency |  50%|  99%|Non-2xx|Socket errors" || true
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += 1} END {print n + 0}')
  rows+=("$(printf "%-50s %-14s %-6s %5s %8s %9s %9s %7s" "GET $route" "$db" "$cache" "$conns" "$rps" "$p50" "$p99" "$errors")")
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
baseline=""
baseline() {  # once per run, beside the first data route
  [[ -n $baseline ]] && return
  measure "/api/health" "-" "-"
  baseline=done
}
if [[ -z ${ONLY:-} || $ONLY == episodes ]]; then
  db=$(episodes_db)
  for cache in "${modes[@]}"; do
    if [[ $cache == off ]]; then start_server "$db" --no-cache; else start_server "$db"; fi
    baseline
    measure "/api/episodes?limit=100" "10k episodes" "$cache"
    # What a browser sends: an answer compressed per request would show here.
    [[ $cache == off ]] || measure "/api/episodes?limit=100" "10k episodes" "$cache" \
      "$connections" "Accept-Encoding: gzip, deflate, br, zstd"
    stop_server
  done
fi
if [[ -z ${ONLY:-} || $ONLY == postings ]]; then
  db=$(postings_db)
  label="$((postings / 1000))k postings"
  routes=("/api/postings?limit=100" "/api/postings/search?q=data%20analyst&limit=20")
  for cache in "${modes[@]}"; do
    if [[ $cache == off ]]; then start_server "$db" --no-cache; else start_server "$db"; fi
    baseline
    status=$(curl -s -o /dev/null -w "%{http_code}" "$url/api/rank?limit=1")
    if [[ $status == 200 ]]; then
      routes_now=("${routes[@]}" "/api/rank?limit=20")
    else
      routes_now=("${routes[@]}")
      [[ $cache == off ]] || echo "(no /api/rank in this server: $status; not measured)"
    fi
    for route in "${routes_now[@]}"; do measure "$route" "$label" "$cache"; done
    # Computed afresh, a ranking takes long enough that 64 clients at once mostly queue: one
    # client shows what one answer costs.
    [[ $cache == off && $status == 200 ]] && measure "/api/rank?limit=20" "$label" "$cache" 1
    stop_server
  done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "wrk -d$duration, keep-alive, loopback; cache off = serve --no-cache;" \
  "+ae: with a browser's Accept-Encoding (gzip, deflate, br, zstd)"
printf "%-50s %-14s %-6s %5s %8s %9s %9s %7s\n" "route" "database" "cache" "conns" "req/s" "p50" "p99" "errors"
printf "%s\n" "${rows[@]}"
