#!/usr/bin/env bash
# The project's test command (`make test`, and what CI runs through .ci/run):
#
#   1. start a private PostgreSQL cluster (scripts/pg-test-cluster.sh) and export
#      GUATU_TEST_POSTGRES_URL, so the persistence and HTTP suites also run on PostgreSQL;
#      if PostgreSQL can't be set up the suites run on SQLite only, with a warning,
#      except under CI=true, where that is a failure;
#   2. swift build --build-tests, then swift test (output on stdout);
#   3. swift build --product guatu; scripts/cli-test.sh; scripts/kill-test.py (SIGKILL during writes loses
#      no acknowledged write); scripts/schemathesis.sh (the API against its OpenAPI document: no 5xx, no
#      answer off its schema); scripts/upgrade-test.py (an earlier release's database migrated forward, backup
#      and restore compared table by table, audit tampering found); scripts/sheet-interop-test.py (the task
#      sheet through Excel-style and LibreOffice-written files and CSV, after scripts/ensure-office.sh);
#      scripts/multi-instance-test.py (two
#      servers on one PostgreSQL: shared sessions and rate limits, jobs once, PostgreSQL restart, kill -9);
#      scripts/ensure-browser.sh, then the browser test scripts/e2e.py;
#   4. stop the cluster on exit.
#
# Every step runs even if an earlier independent one failed (so one run tells everything); the exit
# code is non-zero if any step failed. The last lines repeat the results, swift test's summary last.
#
# Environment knobs:
#   GUATU_SKIP_PG=1     don't start PostgreSQL (SQLite only; not allowed under CI=true)
#   GUATU_SKIP_E2E=1    skip the browser test (not allowed under CI=true)
#   SWIFT_BUILD_TIMEOUT, SWIFT_TEST_TIMEOUT, E2E_TIMEOUT   limits per step (default 45m, 30m, 10m)
set -uo pipefail   # no -e: each step's status is collected and decided on at the end

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

CI="${CI:-false}"
SWIFT_BUILD_TIMEOUT="${SWIFT_BUILD_TIMEOUT:-45m}"
SWIFT_TEST_TIMEOUT="${SWIFT_TEST_TIMEOUT:-30m}"
E2E_TIMEOUT="${E2E_TIMEOUT:-10m}"
LOGDIR="$ROOT/.build/test-logs"
mkdir -p "$LOGDIR"

T0=$(date +%s)
declare -a RESULTS=()
FAILED=0

step() { echo; echo "==> [$(( $(date +%s) - T0 ))s] $*"; }
record() {   # record NAME STATUS(ok|FAILED|skipped) [NOTE]
    RESULTS+=("$(printf '%-28s %-8s %s' "$1" "$2" "${3:-}")")
    [ "$2" = "FAILED" ] && FAILED=1
    return 0
}
CURRENT_PGID=""
timed() {    # timed NAME LIMIT LOGFILE CMD...: run CMD (stdin closed, stderr merged into stdout,
             # copied to LOGFILE) under a time limit, and record the result
    local name="$1" limit="$2" logfile="$3"; shift 3
    local t rc took pidfile rcfile
    t=$(date +%s)
    pidfile="$(mktemp)"; rcfile="$(mktemp)"
    # timeout puts itself and CMD's whole tree in a process group of its own (so a time-out kills
    # grandchildren too); its pid, written first, lets the INT/TERM trap kill that group. Running
    # the pipeline in the background and `wait`ing lets the trap run at once.
    {
        sh -c 'echo $$ >"$0"; exec timeout --kill-after=30s "$@"' "$pidfile" "$limit" "$@" </dev/null 2>&1
        echo $? >"$rcfile"
    } | tee "$logfile" &
    CURRENT_PGID="$pidfile"
    wait $! || true
    CURRENT_PGID=""
    rc="$(cat "$rcfile")"; rc="${rc:-1}"
    rm -f "$pidfile" "$rcfile"
    took="$(( $(date +%s) - t ))s"
    if [ "$rc" -eq 0 ]; then
        record "$name" ok "$took"
    elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        record "$name" FAILED "timed out after $limit"
    else
        record "$name" FAILED "exit $rc after $took"
    fi
    return "$rc"
}

# shellcheck disable=SC2317  # invoked by the trap below
on_interrupt() {
    echo "test.sh: interrupted"
    if [ -n "$CURRENT_PGID" ] && [ -s "$CURRENT_PGID" ]; then
        kill -TERM -- "-$(cat "$CURRENT_PGID")" 2>/dev/null || true
        sleep 2
        kill -KILL -- "-$(cat "$CURRENT_PGID")" 2>/dev/null || true
        rm -f "$CURRENT_PGID"
    fi
    exit 130
}

# --- 1. PostgreSQL -------------------------------------------------------------------------------
PG_STARTED=0
cleanup() {
    if [ "$PG_STARTED" -eq 1 ]; then
        echo
        echo "==> stopping the PostgreSQL test cluster"
        bash scripts/pg-test-cluster.sh stop || true
    fi
}
trap cleanup EXIT
trap on_interrupt INT TERM

step "PostgreSQL test cluster"
if [ "${GUATU_SKIP_PG:-0}" = "1" ] && [ "$CI" != "true" ]; then
    echo "GUATU_SKIP_PG=1: the suites run on SQLite only"
    record "postgres cluster" skipped "GUATU_SKIP_PG=1"
elif t=$(date +%s); bash scripts/pg-test-cluster.sh start </dev/null; then
    PG_STARTED=1
    GUATU_TEST_POSTGRES_URL="$(bash scripts/pg-test-cluster.sh url)"
    export GUATU_TEST_POSTGRES_URL
    echo "GUATU_TEST_POSTGRES_URL=$GUATU_TEST_POSTGRES_URL"
    record "postgres cluster" ok "$(( $(date +%s) - t ))s, $GUATU_TEST_POSTGRES_URL"
elif [ "$CI" = "true" ]; then
    echo "ERROR: PostgreSQL could not be set up, and CI=true requires it"
    record "postgres cluster" FAILED "could not be set up (required under CI)"
else
    echo "WARNING: PostgreSQL could not be set up: the PostgreSQL variants of the suites are SKIPPED"
    echo "         (the suites still run on SQLite). Under CI=true this is a failure."
    unset GUATU_TEST_POSTGRES_URL
    record "postgres cluster" skipped "could not be set up; SQLite only"
fi

# --- 2. Swift build and tests --------------------------------------------------------------------
step "swift build --build-tests"
BUILD_OK=0
timed "swift build --build-tests" "$SWIFT_BUILD_TIMEOUT" "$LOGDIR/build-tests.log" \
    swift build --build-tests && BUILD_OK=1

step "scripts/ensure-python-tools.sh (openpyxl, aiosmtpd for the Excel and e-mail tests)"
timed "ensure-python-tools" 10m "$LOGDIR/ensure-python-tools.log" bash scripts/ensure-python-tools.sh

SWIFT_TEST_LOG="$LOGDIR/swift-test.log"
: >"$SWIFT_TEST_LOG"
if [ "$BUILD_OK" -eq 1 ]; then
    step "swift test${GUATU_TEST_POSTGRES_URL:+ (SQLite and PostgreSQL)}"
    # Swift Testing writes to stderr: merge it so the summary lines reach stdout; keep a copy.
    timed "swift test" "$SWIFT_TEST_TIMEOUT" "$SWIFT_TEST_LOG" swift test
else
    record "swift test" FAILED "not run: the build failed"
fi

# --- 3. Browser end-to-end test ------------------------------------------------------------------
E2E_LOG="$LOGDIR/e2e.log"
: >"$E2E_LOG"
if [ "${GUATU_SKIP_E2E:-0}" = "1" ] && [ "$CI" != "true" ]; then
    step "e2e skipped (GUATU_SKIP_E2E=1)"
    record "e2e" skipped "GUATU_SKIP_E2E=1"
else
    step "swift build --product guatu"
    if timed "swift build --product guatu" "$SWIFT_BUILD_TIMEOUT" "$LOGDIR/build-guatu.log" \
            swift build --product guatu; then
        BIN="$(swift build --show-bin-path)/guatu"
        step "cli-test: bash scripts/cli-test.sh $BIN"
        timed "cli-test (command-line contracts)" 5m "$LOGDIR/cli-test.log" bash scripts/cli-test.sh "$BIN"
        step "kill-test: python3 scripts/kill-test.py $BIN"
        timed "kill-test (SIGKILL under writes)" 5m "$LOGDIR/kill-test.log" python3 scripts/kill-test.py "$BIN"
        step "schemathesis: bash scripts/schemathesis.sh $BIN"
        timed "schemathesis (API vs OpenAPI)" 8m "$LOGDIR/schemathesis.log" bash scripts/schemathesis.sh "$BIN"
        step "upgrade-test: python3 scripts/upgrade-test.py $BIN"
        timed "upgrade-test (migrate, backup, restore, audit verify)" 10m "$LOGDIR/upgrade-test.log" python3 scripts/upgrade-test.py "$BIN"
        step "sheet-interop: python3 scripts/sheet-interop-test.py $BIN"
        if timed "ensure-office (LibreOffice)" 20m "$LOGDIR/ensure-office.log" bash scripts/ensure-office.sh; then
            timed "sheet-interop (task sheet: Excel template, LibreOffice, CSV)" 5m "$LOGDIR/sheet-interop.log" python3 scripts/sheet-interop-test.py "$BIN"
        else
            record "sheet-interop (task sheet: Excel template, LibreOffice, CSV)" FAILED "not run: LibreOffice could not be installed"
        fi
        if [ -n "${GUATU_TEST_POSTGRES_URL:-}" ]; then
            step "multi-instance: python3 scripts/multi-instance-test.py $BIN"
            timed "multi-instance (2 servers, 1 PostgreSQL)" 10m "$LOGDIR/multi-instance.log" python3 scripts/multi-instance-test.py "$BIN" "$GUATU_TEST_POSTGRES_URL"
        elif [ "$CI" = "true" ]; then
            record "multi-instance (2 servers, 1 PostgreSQL)" FAILED "not run: no PostgreSQL"
        else
            record "multi-instance (2 servers, 1 PostgreSQL)" skipped "no PostgreSQL"
        fi
        step "scripts/ensure-browser.sh"
        if timed "ensure-browser" 20m "$LOGDIR/ensure-browser.log" bash scripts/ensure-browser.sh; then
            step "e2e: python3 scripts/e2e.py $BIN"
            timed "e2e" "$E2E_TIMEOUT" "$E2E_LOG" python3 scripts/e2e.py "$BIN"
        else
            record "e2e" FAILED "not run: browser could not be installed"
        fi
    else
        record "e2e" FAILED "not run: the guatu binary did not build"
    fi
fi

# --- Summary ------------------------------------------------------------------------------------
cleanup          # stop PostgreSQL now, so that nothing is printed after the summary
PG_STARTED=0
echo
echo "==> summary ($(( $(date +%s) - T0 ))s in all; logs in ${LOGDIR#"$ROOT"/})"
for line in "${RESULTS[@]}"; do echo "  $line"; done
if [ "$FAILED" -ne 0 ]; then echo "test.sh: FAILED"; else echo "test.sh: all steps passed"; fi
echo
# The results once more, swift test's own closing lines last (XCTest's "Executed N tests, with
# M failures" when it ran any, and Swift Testing's "Test run with N tests ... passed/failed").
grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' "$E2E_LOG" | tail -n 1 || true
grep -E "Executed [1-9][0-9]* tests?, with|Test run with [0-9]+ tests?" "$SWIFT_TEST_LOG" | tail -n 2 || true

exit "$FAILED"
