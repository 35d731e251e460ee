#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the test suite.
#
#   scripts/pg-test-cluster.sh start    # initdb if needed, start (no-op if running), create guatu_test
#   scripts/pg-test-cluster.sh stop     # stop it (no-op if not running)
#   scripts/pg-test-cluster.sh status   # exit 0 if running
#   scripts/pg-test-cluster.sh url      # postgres://USER@127.0.0.1:PORT/guatu_test
#   scripts/pg-test-cluster.sh psql ... # psql connected to the test database
#   scripts/pg-test-cluster.sh destroy  # stop and delete the data directory
#
# The cluster lives in .build-pg/ under the repository (git-ignored by the .build*/ rule),
# listens on 127.0.0.1 only (port PGPORT_TEST, default 54329), has no Unix socket, and trusts
# every connection from 127.0.0.1. It is tuned for speed, not durability (fsync=off).
#
# initdb refuses to run as root, so as root the server runs as the Debian `postgres` system user
# (or a `guatu-pg` system user created here if there is none). If that user cannot reach the
# repository (say the clone lives under /root), the data directory goes under /tmp and
# .build-pg/data is a symlink to it.
#
# Environment:
#   PGPORT_TEST     port (default 54329)
#   PG_TEST_DIR     container directory (default <repo>/.build-pg)
#   PG_TEST_USER    database superuser name (default guatu)
#   PG_TEST_DB      database name (default guatu_test)
#   PG_VERSION_TEST major version to use (default 15)
#   PG_TEST_OSUSER  OS user that runs the server when started as root (default postgres, else
#                   guatu-pg, created as a system user if missing)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PGPORT_TEST:-54329}"
CONTAINER="${PG_TEST_DIR:-$ROOT/.build-pg}"
DATA="$CONTAINER/data"
DBUSER="${PG_TEST_USER:-guatu}"
DBNAME="${PG_TEST_DB:-guatu_test}"
PGMAJOR="${PG_VERSION_TEST:-15}"
BIN="/usr/lib/postgresql/$PGMAJOR/bin"

log() { echo "pg-test-cluster: $*" >&2; }
die() { log "error: $*"; exit 1; }

url() { echo "postgres://$DBUSER@127.0.0.1:$PORT/$DBNAME"; }

# --- which OS user runs the server -------------------------------------------------------------
OSUSER="${PG_TEST_OSUSER:-$(id -un)}"
if [ "$(id -u)" -eq 0 ] && [ -z "${PG_TEST_OSUSER:-}" ]; then
    if id postgres >/dev/null 2>&1; then
        OSUSER=postgres
    else
        OSUSER=guatu-pg
    fi
fi

as_server_user() {
    # Run a command as the server's OS user, from / so an unreadable cwd doesn't matter.
    if [ "$(id -un)" = "$OSUSER" ]; then
        (cd / && "$@")
    else
        (cd / && runuser -u "$OSUSER" -- "$@")
    fi
}

ensure_binaries() {
    if [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ] && command -v psql >/dev/null 2>&1; then
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL $PGMAJOR binaries not found in $BIN (install postgresql-$PGMAJOR)"
    log "installing postgresql-$PGMAJOR with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q "postgresql-$PGMAJOR" "postgresql-client-$PGMAJOR" >&2
    # The Debian package starts its own cluster on 5432; we don't need it, but leave it alone.
    [ -x "$BIN/initdb" ] || die "postgresql-$PGMAJOR installed but $BIN/initdb is missing"
}

ensure_os_user() {
    if [ "$(id -u)" -eq 0 ] && ! id "$OSUSER" >/dev/null 2>&1; then
        log "creating system user $OSUSER"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OSUSER"
    fi
}

# The data directory with any symlink resolved (the server user may not be able to follow the
# link's own path).
real_data() { readlink -f "$DATA"; }

pid_alive() {
    # pg_ctl's view: postmaster.pid names a live process (a zombie counts as live for it).
    [ -f "$DATA/PG_VERSION" ] || return 1
    as_server_user "$BIN/pg_ctl" -D "$(real_data)" status >/dev/null 2>&1
}

is_running() {
    pid_alive && "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 5
}

clear_stale() {
    # A server that pg_ctl believes is up but that doesn't answer (killed -9, left a zombie, or
    # listening on another port): stop it hard, and drop its pid file if the process is gone.
    pid_alive || return 0
    log "found a server that doesn't answer on $PORT; stopping it"
    as_server_user "$BIN/pg_ctl" -D "$(real_data)" -m immediate -w -t 15 stop >/dev/null 2>&1 || true
    local pidfile pid state
    pidfile="$(real_data)/postmaster.pid"
    if [ -f "$pidfile" ]; then
        pid="$(head -n 1 "$pidfile")"
        state="$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
        if [ -z "$state" ] || [ "$state" = "Z" ]; then
            log "removing stale $pidfile (pid $pid ${state:-gone})"
            rm -f "$pidfile"
        fi
    fi
}

psql_test() {
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$DBUSER" "$@"
}

prepare_datadir() {
    mkdir -p "$CONTAINER"
    if [ -L "$DATA" ] && [ ! -d "$DATA" ]; then
        rm -f "$DATA"   # dangling symlink into a /tmp that was cleaned
    fi
    if [ -e "$DATA" ]; then
        return 0
    fi
    mkdir -p "$DATA"
    if [ "$(id -u)" -eq 0 ]; then
        chown "$OSUSER": "$DATA"
        chmod 700 "$DATA"
        if ! as_server_user test -w "$DATA" 2>/dev/null; then
            # The repository's path is not traversable by $OSUSER: keep the data under /tmp.
            rmdir "$DATA"
            local tmpdata
            tmpdata="$(mktemp -d "${TMPDIR:-/tmp}/guatu-pg-$PORT.XXXXXX")"
            chown "$OSUSER": "$tmpdata"
            chmod 700 "$tmpdata"
            ln -s "$tmpdata" "$DATA"
            log "$OSUSER cannot reach $CONTAINER; data directory is $tmpdata (symlinked)"
        fi
    else
        chmod 700 "$DATA"
    fi
}

init_cluster() {
    [ -f "$DATA/PG_VERSION" ] && return 0
    log "initdb in $DATA (superuser $DBUSER, OS user $OSUSER)"
    as_server_user "$BIN/initdb" -D "$(real_data)" -U "$DBUSER" --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$CONTAINER/initdb.log" 2>&1 || {
        cat "$CONTAINER/initdb.log" >&2
        die "initdb failed"
    }
    # Loopback TCP only, trust, nothing else.
    as_server_user sh -c "cat > '$(real_data)/pg_hba.conf'" <<'EOF'
# Private test cluster: trust on IPv4 loopback only.
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  trust
EOF
    as_server_user sh -c "cat >> '$(real_data)/postgresql.conf'" <<'EOF'

# --- guatu test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_min_messages = warning
EOF
}

start() {
    ensure_binaries
    ensure_os_user
    prepare_datadir
    init_cluster
    if is_running; then
        log "already running on 127.0.0.1:$PORT"
    else
        clear_stale
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
            die "port $PORT is already taken by another process (set PGPORT_TEST)"
        fi
        log "starting on 127.0.0.1:$PORT"
        if ! as_server_user "$BIN/pg_ctl" -D "$(real_data)" -l "$(real_data)/server.log" -o "-p $PORT" \
                -w -t 60 start >/dev/null; then
            tail -n 30 "$DATA/server.log" >&2 || true
            die "server did not start"
        fi
    fi
    if [ "$(psql_test -d postgres -tAc "select 1 from pg_database where datname = '$DBNAME'")" != "1" ]; then
        log "creating database $DBNAME"
        psql_test -d postgres -c "create database \"$DBNAME\""
    fi
    log "ready: $(url)"
}

stop() {
    if is_running; then
        log "stopping"
        as_server_user "$BIN/pg_ctl" -D "$(real_data)" -m fast -w -t 60 stop >/dev/null || clear_stale
    elif pid_alive; then
        clear_stale
    else
        log "not running"
    fi
}

destroy() {
    stop
    if [ -L "$DATA" ]; then
        rm -rf "$(readlink "$DATA")"
    fi
    rm -rf "$CONTAINER"
    log "removed $CONTAINER"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status)
        if is_running; then echo "running: $(url)"; else echo "not running"; exit 1; fi ;;
    url) url ;;
    psql) shift; psql_test -d "$DBNAME" "$@" ;;
    destroy) destroy ;;
    *)
        echo "usage: $0 start|stop|status|url|psql [ARGS]|destroy" >&2
        exit 2 ;;
esac
