#!/usr/bin/env bash
# Soak test: a release guatu under SOAK_USERS simulated users of mixed traffic for SOAK_SECONDS, on a fresh
# demo zone (SQLite or PostgreSQL), loopback only. Does not build anything.
#
#   bash bench/soak.sh [BINARY]                 # BINARY defaults to .build/release/guatu
#   SOAK_DB=postgres SOAK_SECONDS=600 SOAK_USERS=200 bash bench/soak.sh /path/to/guatu
#
# Knobs: SOAK_DB (sqlite | postgres), SOAK_SECONDS (600), SOAK_USERS (200), SOAK_PORT (18131),
# SOAK_REPORTERS (6: unit reporter accounts created for the writers, one per busiest unit),
# SOAK_MIX (0.65,0.20,0.10,0.05: page users, API readers, reporters, office), SOAK_THINK (0.5,1.0 seconds).
#
# Steps: a fresh data directory (and for postgres a fresh database soak_<pid> on the private test cluster,
# scripts/pg-test-cluster.sh); `guatu demo`; `guatu serve --env production` with GUATU_BCRYPT_COST=4
# GUATU_RATE_API=0 GUATU_RATE_PUBLIC=0; API tokens for office and leader; SOAK_REPORTERS reporter accounts
# (soak-rep-N, password Guatu@2026) with tokens; then bench/soak.py simulates the users, samples the
# server's RSS every 10 s, reads every acknowledged write back and writes bench/out/soak-<db>.json.
# The server log is bench/out/soak-<db>-server.log. The server is stopped and the database dropped on exit.
#
# Pass (exit 0): no error, no lost write, p99 < 200 ms over all requests, end RSS within 20 % of the RSS
# after the first minute (for runs under 2 minutes: after half the run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${1:-.build/release/guatu}"
DB_KIND="${SOAK_DB:-sqlite}"
DURATION="${SOAK_SECONDS:-600}"
USERS="${SOAK_USERS:-200}"
PORT="${SOAK_PORT:-18131}"
N_REPORTERS="${SOAK_REPORTERS:-6}"
MIX="${SOAK_MIX:-0.65,0.20,0.10,0.05}"
THINK="${SOAK_THINK:-0.5,1.0}"
PASSWORD="Guatu@2026"
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/bench/out"
T0=$(date +%s)

log() { echo "soak [$(( $(date +%s) - T0 ))s]: $*"; }
die() { echo "soak: error: $*" >&2; exit 1; }

case "$DB_KIND" in sqlite|postgres) ;; *) die "SOAK_DB must be sqlite or postgres, not '$DB_KIND'";; esac
if ! [[ "$DURATION" =~ ^[0-9]+$ ]] || [ "$DURATION" -lt 10 ]; then die "SOAK_SECONDS must be an integer >= 10"; fi
if ! [[ "$USERS" =~ ^[0-9]+$ ]] || [ "$USERS" -lt 1 ]; then die "SOAK_USERS must be a positive integer"; fi
[[ "$PORT" =~ ^[0-9]+$ ]] || die "SOAK_PORT must be a port number"
[[ "$N_REPORTERS" =~ ^[0-9]+$ ]] || die "SOAK_REPORTERS must be an integer"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
[ -x "$BIN" ] || die "$BIN not found or not executable (a release build: swift build -c release)"
command -v curl >/dev/null 2>&1 || die "curl is missing"
command -v python3 >/dev/null 2>&1 || die "python3 is missing"

mkdir -p "$OUT"
RESULT="$OUT/soak-$DB_KIND.json"
SERVER_LOG="$OUT/soak-$DB_KIND-server.log"
SETUP_LOG="$OUT/soak-$DB_KIND-setup.log"
rm -f "$RESULT" "$SERVER_LOG" "$SETUP_LOG"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/guatu-soak.XXXXXX")"
export GUATU_DATA_DIR="$TMP"
export GUATU_BCRYPT_COST=4 GUATU_RATE_API=0 GUATU_RATE_PUBLIC=0
unset GUATU_BENCH GUATU_TODAY

SERVER_PID=""
PG_ADMIN_URL=""
PG_DB=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    local rc=$?
    set +e
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        log "stopping the server (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$SERVER_PID" 2>/dev/null && { log "the server did not stop in 10 s: SIGKILL"; kill -KILL "$SERVER_PID" 2>/dev/null; }
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [ -n "$PG_DB" ]; then
        log "dropping database $PG_DB"
        psql "$PG_ADMIN_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null \
            || log "warning: could not drop database $PG_DB"
    fi
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT is already in use (set SOAK_PORT)"
fi

# --- database ---------------------------------------------------------------------------------------
if [ "$DB_KIND" = postgres ]; then
    command -v psql >/dev/null 2>&1 || die "psql is missing"
    log "starting the private PostgreSQL test cluster"
    bash scripts/pg-test-cluster.sh start >>"$SETUP_LOG" 2>&1 || { tail -n 20 "$SETUP_LOG"; die "pg-test-cluster.sh start failed"; }
    PG_ADMIN_URL="$(bash scripts/pg-test-cluster.sh url)"
    PG_DB="soak_$$"
    psql "$PG_ADMIN_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >>"$SETUP_LOG" 2>&1 \
        || { PG_DB=""; tail -n 20 "$SETUP_LOG"; die "could not create the database"; }
    export DATABASE_URL="${PG_ADMIN_URL%/*}/$PG_DB"
else
    export DATABASE_URL="sqlite:///$TMP/soak.sqlite"
fi
log "database: $DATABASE_URL"

log "guatu demo"
timeout 10m "$BIN" demo </dev/null >>"$SETUP_LOG" 2>&1 || { tail -n 30 "$SETUP_LOG"; die "guatu demo failed (log: $SETUP_LOG)"; }

# --- server -----------------------------------------------------------------------------------------
log "starting guatu serve --env production on $BASE"
"$BIN" serve --env production --hostname 127.0.0.1 --port "$PORT" </dev/null >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 240); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG"; die "the server exited"; }
    if curl -fs -o /dev/null --max-time 2 "$BASE/healthz"; then break; fi
    [ "$i" -lt 240 ] || die "the server did not answer $BASE/healthz within 60 s"
    sleep 0.25
done
[ "$(readlink -f "/proc/$SERVER_PID/exe")" = "$(readlink -f "$BIN")" ] || die "pid $SERVER_PID is not $BIN"

token() {
    local t
    t="$("$BIN" user token "$1" </dev/null 2>>"$SETUP_LOG" | tail -n 1 | tr -d '[:space:]')"
    [ -n "$t" ] || die "guatu user token $1 printed no token"
    echo "$t"
}
OFFICE_TOKEN="$(token office)"
LEADER_TOKEN="$(token leader)"

# Unit reporters for the writers, one account in each of the units owning the most tasks.
REPORTERS_TSV="$TMP/reporters.tsv"
: >"$REPORTERS_TSV"
if [ "$N_REPORTERS" -gt 0 ]; then
    i=0
    while IFS=$'\t' read -r unit_id unit_name; do
        [ -n "$unit_id" ] || continue
        i=$((i + 1))
        name="soak-rep-$i"
        "$BIN" user add "$name" --role reporter --unit "$unit_name" --name "压测填报员$i" --password "$PASSWORD" \
            </dev/null >>"$SETUP_LOG" 2>&1 || die "guatu user add $name failed (log: $SETUP_LOG)"
        tok="$(token "$name")"
        printf '%s\t%s\t%s\n' "$name" "$unit_id" "$tok" >>"$REPORTERS_TSV"
    done < <(python3 bench/soak.py units "$BASE" "$OFFICE_TOKEN" "$N_REPORTERS")
    log "$(wc -l <"$REPORTERS_TSV") reporter accounts created"
fi

CONFIG="$TMP/soak-config.json"
SOAK_BASE="$BASE" SOAK_DB_KIND="$DB_KIND" SOAK_DURATION="$DURATION" SOAK_NUSERS="$USERS" SOAK_PID="$SERVER_PID" \
SOAK_OUT="$RESULT" SOAK_PASSWORD="$PASSWORD" SOAK_OFFICE="$OFFICE_TOKEN" SOAK_LEADER="$LEADER_TOKEN" \
SOAK_REPORTERS_TSV="$REPORTERS_TSV" SOAK_MIX_="$MIX" SOAK_THINK_="$THINK" SOAK_BIN="$BIN" \
SOAK_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
python3 - "$CONFIG" <<'EOF'
import json, os, sys
e = os.environ
reps = []
for line in open(e["SOAK_REPORTERS_TSV"]):
    name, unit, tok = line.rstrip("\n").split("\t")
    reps.append({"username": name, "unitId": int(unit), "token": tok})
# Browser sign-ins: leaders and the office read the zone's pages, units' reporters their inboxes.
browser = [{"username": u} for u in ["leader", "office", "leader", "reporter", "office", "leader"]]
browser += [{"username": r["username"]} for r in reps]
cfg = {
    "base": e["SOAK_BASE"], "db": e["SOAK_DB_KIND"], "seconds": int(e["SOAK_DURATION"]), "users": int(e["SOAK_NUSERS"]),
    "server_pid": int(e["SOAK_PID"]), "out": e["SOAK_OUT"], "password": e["SOAK_PASSWORD"], "binary": e["SOAK_BIN"],
    "commit": e["SOAK_COMMIT"], "browser": browser, "api_tokens": [e["SOAK_OFFICE"], e["SOAK_LEADER"]],
    "office_token": e["SOAK_OFFICE"], "reporters": reps, "mix": e["SOAK_MIX_"],
    "think": [float(x) for x in e["SOAK_THINK_"].split(",")], "ramp": 5.0, "sample_every": 10,
}
json.dump(cfg, open(sys.argv[1], "w"))
EOF

log "simulating $USERS users for ${DURATION}s"
rc=0
python3 bench/soak.py run "$CONFIG" || rc=$?
kill -0 "$SERVER_PID" 2>/dev/null || { log "the server died during the run"; rc=1; }
n_err=$(grep -cE '\[ (ERROR|CRITICAL) \]' "$SERVER_LOG" || true)
log "server log: $n_err ERROR/CRITICAL lines ($SERVER_LOG); figures: $RESULT"
exit "$rc"
