#!/usr/bin/env bash
# The local Postgres and Redis that npm start / npm test use.
#   bash scripts/services.sh status   show which servers would be used
#   bash scripts/services.sh up       find or start them (what npm start does first)
#   bash scripts/services.sh stop     stop the private instances under .data/ (data is kept)
# Servers started by docker compose are stopped with: docker compose stop postgres redis mailpit
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/resolve.sh
source "$REPO_ROOT/scripts/lib/resolve.sh"
cd "$REPO_ROOT"

stop_private_postgres() {
  if [[ ! -f "$PRIVATE_PG_DIR/postmaster.pid" ]]; then
    note "private Postgres (.data/postgres): not running"
    return 0
  fi
  local bin
  bin="$(find_postgres_bin)" || die "pg_ctl not found; stop the process in .data/postgres/postmaster.pid by hand"
  as_pg_owner "$bin/pg_ctl" -D "$PRIVATE_PG_DIR" -m fast -w stop >/dev/null
  note "private Postgres (.data/postgres): stopped"
}

stop_private_redis() {
  local pidfile="$PRIVATE_REDIS_DIR/redis.pid" pid _
  if [[ ! -f "$pidfile" ]] || ! pid="$(cat "$pidfile")" || ! kill -0 "$pid" 2>/dev/null; then
    note "private Redis (.data/redis): not running"
    return 0
  fi
  kill -TERM "$pid" # redis-server flushes its append-only file and exits on SIGTERM
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  note "private Redis (.data/redis): stopped"
}

case "${1:-}" in
  status | up)
    load_dotenv
    ensure_dependencies
    resolve_services
    ;;
  stop)
    step "Stopping private service instances under .data/"
    stop_private_postgres
    stop_private_redis
    ;;
  *)
    sed -n '2,6s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 64
    ;;
esac
