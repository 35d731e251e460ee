#!/usr/bin/env bash
# Property-based API testing of /api/v1 against its own OpenAPI document, with Schemathesis:
#   scripts/schemathesis.sh PATH/TO/guatu
# Starts the binary on a free loopback port with a throw-away data dir and the demo zone, makes a
# bearer token for each role in ST_ROLES, and runs Schemathesis once per role with a bounded number
# of examples. Fails (exit 1) when any response is a 5xx (not_a_server_error), does not match the
# documented response schema (response_schema_conformance) or has an undocumented content type
# (content_type_conformance). Other Schemathesis checks (undocumented status codes, lenient or
# strict validation, 405 for unknown methods) are not gated here; run them by hand with
# ST_CHECKS=all to see them.
#
# Tunables (environment): ST_ROLES (default "office reporter enterprise"), ST_MAX_EXAMPLES
# (per operation and phase, default 15), ST_SEED (default 1), ST_CHECKS (comma list),
# ST_TIMEOUT (seconds per role, default 150). The whole run takes about 2-3 minutes on 2 cores.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH/TO/guatu" >&2
    exit 2
fi
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROLES="${ST_ROLES:-office reporter enterprise}"
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-15}"
SEED="${ST_SEED:-1}"
CHECKS="${ST_CHECKS:-not_a_server_error,response_schema_conformance,content_type_conformance}"
ROLE_TIMEOUT="${ST_TIMEOUT:-150}"
PYTHON="${PYTHON:-python3}"

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$rc" -ne 0 ] && [ -f "$TMP/server.log" ]; then
        echo "schemathesis.sh: the server log's errors and crash, then its last lines:" >&2
        grep -n -A14 "Fatal error\|crashed:\|\[ ERROR \]" "$TMP/server.log" | head -n 60 >&2 || true
        tail -n 20 "$TMP/server.log" >&2 || true
    fi
    rm -rf "$TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Schemathesis 4.x (the CLI flags below are 4.x's); installed only where missing.
st_ok() { command -v schemathesis >/dev/null 2>&1 && schemathesis --version 2>/dev/null | grep -q 'version 4\.'; }
if ! st_ok; then
    echo "schemathesis.sh: installing PyPI package schemathesis"
    "$PYTHON" -m pip install -q --disable-pip-version-check 'schemathesis>=4,<5' >/dev/null 2>&1 \
        || "$PYTHON" -m pip install -q --disable-pip-version-check --break-system-packages 'schemathesis>=4,<5'
    hash -r
    st_ok || { echo "schemathesis.sh: schemathesis 4.x is not on PATH after installing" >&2; exit 1; }
fi

PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"

# The server and the token command must share one database: the temp dir's SQLite file.
unset DATABASE_URL
# No API rate limit: the generated requests of one role exceed 600 a minute (the limit is tested on its own).
export GUATU_DATA_DIR="$TMP/data" GUATU_BCRYPT_COST=4 GUATU_RATE_API=0
mkdir -p "$GUATU_DATA_DIR"
"$BIN" serve --demo --port "$PORT" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 120); do
    if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "schemathesis.sh: server exited during start-up" >&2; exit 1; }
    sleep 0.5
done
curl -fsS "$BASE/healthz" >/dev/null || { echo "schemathesis.sh: server did not answer /healthz on $BASE" >&2; exit 1; }

echo "schemathesis.sh: $(schemathesis --version) against $BASE; roles: $ROLES; checks: $CHECKS; max examples: $MAX_EXAMPLES; seed: $SEED"
failed=""
cd "$TMP"   # keeps any files Schemathesis writes out of the work tree
for role in $ROLES; do
    token="$("$BIN" user token "$role" 2>"$TMP/token.err" | tail -n 1)"
    if [ -z "$token" ]; then
        echo "schemathesis.sh: could not make a token for $role: $(head -c 300 "$TMP/token.err")" >&2
        exit 1
    fi
    out="$TMP/run-$role.txt"
    rc=0
    # One worker: under several, Python 3.11's ast module can fail inside Hypothesis (a runtime error, not a finding).
    timeout "$ROLE_TIMEOUT" schemathesis run "$BASE/api/v1/openapi.json" \
        -H "Authorization: Bearer $token" \
        --checks "$CHECKS" --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 1 \
        --generation-database none --no-color --request-timeout 30 >"$out" 2>&1 || rc=$?
    summary="$(grep -a -E '^ +[0-9]+ generated' "$out" | tail -n 1 | sed 's/^ *//')"
    if [ "$rc" -eq 0 ]; then
        echo "schemathesis.sh: $role: ok (${summary:-no summary})"
    else
        [ "$rc" -eq 124 ] && echo "schemathesis.sh: $role: timed out after ${ROLE_TIMEOUT}s" >&2
        echo "schemathesis.sh: $role: FAILED (exit $rc; ${summary:-no summary})" >&2
        sed -n '/^=* FAILURES =*$/,$p' "$out" | cut -c1-2000 >&2
        grep -q 'FAILURES' "$out" || tail -n 60 "$out" | cut -c1-2000 >&2
        failed="$failed $role"
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "schemathesis.sh: the server died during the $role run" >&2; exit 1; }
done

if [ -n "$failed" ]; then
    echo "schemathesis.sh: failures for:$failed" >&2
    exit 1
fi
echo "schemathesis.sh: no server errors or response schema violations"
