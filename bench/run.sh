#!/usr/bin/env bash
# Benchmark: `make bench`. See bench/README.md.
#
# Release build -> fresh SQLite database in a temp dir -> `guatu generate` (a large zone "bench")
# -> API token for office-bench -> `guatu serve --env production` with GUATU_BENCH=1 on loopback
# -> wrk against three routes and their hand-written "floor" twins -> bench/out/results.md.
#
# Environment knobs:
#   BENCH_PORT (18090)  BENCH_DURATION (15s)  BENCH_WARMUP (3s)  BENCH_THREADS (2)  BENCH_CONNECTIONS (32)
#   BENCH_GENERATE_ARGS ("--units 60 --users 300 --work-points 200 --tasks 20000 --audit 200000")
#   BENCH_USER (office-bench)  BENCH_PASSWORD (Guatu@2026: only used if the HTML routes refuse the token)
#   BENCH_SKIP_BUILD=1  use the release binary already built
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORT="${BENCH_PORT:-18090}"
DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-3s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
GENERATE_ARGS="${BENCH_GENERATE_ARGS:---units 60 --users 300 --work-points 200 --tasks 20000 --audit 200000 --enterprises 20000 --appeals 100000 --clauses 200}"
BENCH_USER="${BENCH_USER:-office-bench}"
BENCH_PASSWORD="${BENCH_PASSWORD:-Guatu@2026}"
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/bench/out"
T0=$(date +%s)

log() { echo "bench [$(( $(date +%s) - T0 ))s]: $*"; }
die() { echo "bench: error: $*" >&2; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/wrk-*.txt "$OUT"/status-*.txt "$OUT"/path-*.txt "$OUT"/meta.txt "$OUT"/results.md

# --- tools ---------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "wrk is missing: apt-get install wrk"
    log "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi
command -v curl >/dev/null 2>&1 || die "curl is missing"

# --- build ---------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
    log "swift build -c release"
    timeout 60m swift build -c release </dev/null
fi
BIN="$(swift build -c release --show-bin-path)/guatu"
[ -x "$BIN" ] || die "$BIN not found (release build missing?)"

# --- database, server, cleanup --------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/guatu-bench.XXXXXX")"
export DATABASE_URL="sqlite:///$TMP/bench.sqlite"
export GUATU_DATA_DIR="$TMP"
# Only the generator's 300 password hashes feel this; the measured routes use an API token.
export GUATU_BCRYPT_COST="${GUATU_BCRYPT_COST:-4}"
# The per-user API rate limit (600 a minute) would answer most of wrk's requests with 429: not what is measured here.
export GUATU_RATE_API=0 GUATU_RATE_PUBLIC=0
unset GUATU_BENCH

SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping the server"
        kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is already in use (set BENCH_PORT)"
fi

log "guatu generate $GENERATE_ARGS"
t=$(date +%s)
# shellcheck disable=SC2086  # word splitting of GENERATE_ARGS is intended
timeout 30m "$BIN" generate $GENERATE_ARGS </dev/null >"$OUT/generate.log" 2>&1 \
    || { tail -n 30 "$OUT/generate.log"; die "guatu generate failed (log: bench/out/generate.log)"; }
GENERATE_SECONDS=$(( $(date +%s) - t ))
db_size() { du -h "$TMP/bench.sqlite" 2>/dev/null | cut -f1 || echo '?'; }
log "generated in ${GENERATE_SECONDS}s; database $(db_size)"

TOKEN="$("$BIN" user token "$BENCH_USER" </dev/null 2>>"$OUT/generate.log" | tail -n 1 | tr -d '[:space:]')"
[ -n "$TOKEN" ] || die "guatu user token $BENCH_USER printed no token"
log "token for $BENCH_USER: ${TOKEN:0:6}…"

log "starting guatu serve --env production on $BASE (GUATU_BENCH=1)"
GUATU_BENCH=1 setsid "$BIN" serve --env production --hostname 127.0.0.1 --port "$PORT" \
    </dev/null >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 120); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$OUT/server.log"; die "the server exited"; }
    if curl -fs -o /dev/null --max-time 2 "$BASE/login"; then break; fi
    [ "$i" -lt 120 ] || die "the server did not answer $BASE/login within 60s"
    sleep 0.5
done

PLAN_ID="$(python3 bench/benchlib.py plan-id "$BASE" "$TOKEN")" || die "could not read a plan id"
log "first plan: $PLAN_ID"
UNIT_ID="$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/units" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])')" || die "could not read a unit id"
MONTH="$(date +%Y-%m)"

# --- routes ----------------------------------------------------------------------------------------
# key|path, in the order measured (each route next to its floor, to keep drift out of the ratio).
ROUTES=(
    "overview|/"
    "floor-overview|/bench/floor/overview"
    "matrix|/matrix?plan=$PLAN_ID"
    "floor-matrix|/bench/floor/matrix?plan=$PLAN_ID"
    "tasks|/api/v1/tasks?limit=100"
    "floor-tasks|/bench/floor/tasks?limit=100"
    "inbox|/inbox?unit=$UNIT_ID"
    "lag-list|/supervision"
    "cockpit|/cockpit"
    "wall|/wall"
)
HEADERS=(-H "Authorization: Bearer $TOKEN")

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "${HEADERS[@]}" "$BASE$1"; }

# The HTML routes should take the bearer token; if one doesn't, log in through the form instead.
if [ "$(status_of /)" != "200" ] || [ "$(status_of "/matrix?plan=$PLAN_ID")" != "200" ]; then
    log "the HTML routes refuse the bearer token (HTTP $(status_of /)); logging in as $BENCH_USER through /login"
    if COOKIE="$(python3 bench/benchlib.py login-cookie "$BASE" "$BENCH_USER" "$BENCH_PASSWORD")"; then
        HEADERS+=(-H "Cookie: $COOKIE")
    else
        log "form login failed too: the HTML routes will not be measured"
    fi
fi

for entry in "${ROUTES[@]}"; do
    key="${entry%%|*}"; path="${entry#*|}"
    echo "$path" >"$OUT/path-$key.txt"
    code="$(status_of "$path")"
    echo "$code" >"$OUT/status-$key.txt"
    [ "$code" = "200" ] || log "warning: GET $path answers HTTP $code: it will not be measured"
done

WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 5s --latency "${HEADERS[@]}")

log "warming up ($WARMUP per route)"
for entry in "${ROUTES[@]}"; do
    key="${entry%%|*}"; path="${entry#*|}"
    [ "$(cat "$OUT/status-$key.txt")" = "200" ] || continue
    timeout 2m "${WRK[@]}" -d"$WARMUP" "$BASE$path" >/dev/null 2>&1 || true
done

# Wait until the server has no work left (CPU time of its process stops growing): a route whose
# requests are slow (the floor of the overview takes ~300 ms each) leaves up to 32 of them queued
# when wrk stops, and they would otherwise be measured as the next route's tail latency.
wait_idle() {
    local prev now i
    for i in $(seq 1 120); do
        prev=$(awk '{print $14+$15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
        sleep 0.5
        now=$(awk '{print $14+$15}' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
        [ $((now - prev)) -le 2 ] && return 0
    done
    log "warning: the server stayed busy for a minute"
}

for entry in "${ROUTES[@]}"; do
    key="${entry%%|*}"; path="${entry#*|}"
    [ "$(cat "$OUT/status-$key.txt")" = "200" ] || continue
    wait_idle
    log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION $path"
    timeout 5m "${WRK[@]}" -d"$DURATION" -s bench/wrk/report.lua "$BASE$path" \
        >"$OUT/wrk-$key.txt" 2>&1 || log "warning: wrk failed on $path (see bench/out/wrk-$key.txt)"
    grep -E 'Requests/sec|^ +99%' "$OUT/wrk-$key.txt" | sed 's/^ */    /' || true
done

# The monthly bulletin: computed over the whole zone (all tasks, the month's reports, all orders); timed
# end to end with curl, five times; the target is under 2 s.
wait_idle
log "monthly bulletin preview for $MONTH, 5 runs"
BULLETIN_TIMES=""
for i in 1 2 3 4 5; do
    t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "${HEADERS[@]}" "$BASE/bulletins/preview?month=$MONTH")"
    BULLETIN_TIMES="$BULLETIN_TIMES ${t#* }"
    [ "${t%% *}" = "200" ] || log "warning: bulletin preview answered HTTP ${t%% *}"
done
log "bulletin seconds:$BULLETIN_TIMES"

# A year's assessment: 60 units x 40 items over the whole zone, cold (after a change) and what-if (data cached).
wait_idle
log "assessment: a year's scheme of 40 items, 5 cold runs and 5 what-ifs"
ASSESSMENT="$(python3 bench/assessment.py "$BASE" "$TOKEN" "$(date +%Y)")" || { log "warning: assessment bench failed"; ASSESSMENT=""; }
echo "$ASSESSMENT" | sed 's/^/    /'

# The registry: search as you type, computed indicators over 20,000 firms, a 20,000-row import.
wait_idle
log "registry: search, computed indicators, import"
REGISTRY="$(python3 bench/enterprises.py "$BASE" "$TOKEN")" || { log "warning: registry bench failed"; REGISTRY=""; }
echo "$REGISTRY" | sed 's/^/    /'

# Appeals and policies: 100,000 appeals (lists, statistics), 200 clauses matched against 20,000 firms.
wait_idle
log "appeals and policy matching"
APPEALS="$(python3 bench/appeals.py "$BASE" "$TOKEN")" || { log "warning: appeals bench failed"; APPEALS=""; }
echo "$APPEALS" | sed 's/^/    /'

# The task sheet (5,000 rows in, the same again as a dry run) and the cockpit worked out cold.
wait_idle
log "task sheet import and cockpit"
TASKSHEET="$(python3 bench/tasksheet.py "$BASE" "$TOKEN")" || { log "warning: task sheet bench failed"; TASKSHEET=""; }
echo "$TASKSHEET" | sed 's/^/    /'

RSS="$(ps -o rss= -p "$SERVER_PID" 2>/dev/null | awk '{printf "%.0f MiB", $1/1024}')" || RSS=""
{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- 2>/dev/null || echo ' (with local changes)')"
    echo "machine=$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "generate_args=$GENERATE_ARGS"
    echo "generate_seconds=$GENERATE_SECONDS"
    echo "db_size=$(db_size)"
    echo "wrk_args=-t$THREADS -c$CONNECTIONS -d$DURATION --latency"
    echo "warmup=$WARMUP"
    echo "server_rss=$RSS"
    echo "bulletin_seconds=$BULLETIN_TIMES"
    echo "$ASSESSMENT"
    echo "$REGISTRY"
    echo "$APPEALS"
    echo "$TASKSHEET"
} >"$OUT/meta.txt"

echo
python3 bench/benchlib.py report "$OUT"
log "done: bench/out/results.md (raw wrk output in bench/out/wrk-*.txt, server log bench/out/server.log)"
