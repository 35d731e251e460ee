#!/usr/bin/env bash
# Battle map benchmark (issue 3): the demo zone's map, one client at a time (target < 50 ms), and
# the large generated zone's grouped map with 16 concurrent clients (target p99 < 100 ms).
# Usage: BENCH_SKIP_BUILD=1 bash bench/battle-map.sh   (loopback only; the server is stopped at the end)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ "${BENCH_SKIP_BUILD:-0}" = "1" ] || swift build -c release </dev/null
BIN="$(swift build -c release --show-bin-path)/guatu"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
TMP="$(mktemp -d)"; PORT="${BENCH_PORT:-18091}"; SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
export DATABASE_URL="sqlite:///$TMP/bm.sqlite" GUATU_BCRYPT_COST=4
"$BIN" demo >/dev/null 2>&1
"$BIN" generate --tasks 20000 --audit 1000 >/dev/null 2>&1
DEMO="$("$BIN" user token leader 2>/dev/null | tail -n 1)"
BIG="$("$BIN" user token office-bench 2>/dev/null | tail -n 1)"
"$BIN" serve --env production --port "$PORT" </dev/null >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 0.5; done
run() { # name token path connections
    wrk -t1 -c"$4" -d3s -H "Authorization: Bearer $2" "http://127.0.0.1:$PORT$3" >/dev/null
    local t=2; [ "$4" -lt 2 ] && t=1; local out; out="$(wrk -t"$t" -c"$4" -d10s --latency -H "Authorization: Bearer $2" "http://127.0.0.1:$PORT$3")"
    printf '| %s | `%s` | %s | %s | %s | %s |\n' "$1" "$3" "$4" \
        "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')"
}
echo "| map | path | clients | req/s | p50 | p99 |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
run "demo zone (306 tasks, all expanded)" "$DEMO" "/battle-map" 1
run "large zone (20,000 tasks, grouped)" "$BIG" "/battle-map" 16
PLAN="$(curl -fs -H "Authorization: Bearer $BIG" "http://127.0.0.1:$PORT/api/v1/plans?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
run "large zone, one plan expanded (2,000 tasks)" "$BIG" "/battle-map?plan=$PLAN" 16
