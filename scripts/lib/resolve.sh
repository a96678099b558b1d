# shellcheck shell=bash
# Finds (or starts) Postgres and Redis and exports DATABASE_URL and REDIS_URL.
# Postgres and Redis resolve independently, each in this order:
#   1. DATABASE_URL / REDIS_URL when set (unreachable: stop with one line naming the variable)
#   2. a server on 127.0.0.1:5432 / :6379 (Postgres: trust auth, user postgres)
#   3. a private instance under .data/ that an earlier run started (kept, so its data survives)
#   4. `docker compose up -d` of the compose service, when a Docker engine answers
#   5. a new private instance under .data/ from locally installed binaries, on a non-default port
#   6. otherwise stop and say exactly what to install
# Requires scripts/lib/common.sh and node_modules (the probes use `pg` and `ioredis`).

APP_DATABASE="${APP_DATABASE:-interview_prep}"
DATA_DIR="$REPO_ROOT/.data"
PRIVATE_PG_DIR="$DATA_DIR/postgres"
PRIVATE_PG_PORT="${PREP_PRIVATE_PG_PORT:-55432}"
PRIVATE_REDIS_DIR="$DATA_DIR/redis"
PRIVATE_REDIS_PORT="${PREP_PRIVATE_REDIS_PORT:-56379}"
COMPOSE_PG_PORT="${POSTGRES_HOST_PORT:-5432}"
COMPOSE_REDIS_PORT="${REDIS_HOST_PORT:-6379}"
# The password docker-compose.yml gives its postgres service (local development only).
COMPOSE_PG_PASSWORD="${POSTGRES_PASSWORD:-postgres}"

INSTALL_HINT_PG='sudo apt-get install postgresql   (or install Docker and re-run)'
INSTALL_HINT_REDIS='sudo apt-get install redis-server   (or install Docker and re-run)'

# Set by resolve_* for the summary line.
PG_SOURCE=''
REDIS_SOURCE=''

docker_answers() {
  [[ "${PREP_NO_DOCKER:-}" != 1 ]] && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

# Starts compose services and waits for their healthchecks.
compose_up() {
  step "Starting $* with docker compose"
  (cd "$REPO_ROOT" && docker compose up -d --wait "$@") ||
    die "docker compose up $* failed (see above); free the ports or set DATABASE_URL / REDIS_URL"
}

# Prints the directory holding initdb and pg_ctl (PATH first, then Debian's versioned dirs).
find_postgres_bin() {
  local initdb dir
  if initdb="$(command -v initdb 2>/dev/null)" && [[ -x "$(dirname "$initdb")/pg_ctl" ]]; then
    dirname "$initdb"
    return 0
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

# initdb and postgres refuse to run as root; as root they run as the `postgres` system user.
as_pg_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_private_postgres() {
  local bin="$1" log="$DATA_DIR/postgres.log"
  mkdir -p "$DATA_DIR"
  if [[ "$(id -u)" == 0 ]]; then
    { id postgres >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; } ||
      die "Postgres cannot run as root and there is no 'postgres' user; run as a normal user or: $INSTALL_HINT_PG"
    mkdir -p "$PRIVATE_PG_DIR"
    touch "$log"
    chown postgres "$PRIVATE_PG_DIR" "$log"
    chmod 700 "$PRIVATE_PG_DIR"
    runuser -u postgres -- test -w "$PRIVATE_PG_DIR" ||
      die "the postgres user cannot reach $PRIVATE_PG_DIR (a parent directory is private); run as a normal user or set DATABASE_URL"
  fi
  if [[ ! -f "$PRIVATE_PG_DIR/PG_VERSION" ]]; then
    step "Creating a private Postgres under .data/postgres ($bin/initdb)"
    as_pg_owner "$bin/initdb" -D "$PRIVATE_PG_DIR" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$DATA_DIR/initdb.log" 2>&1 ||
      die "initdb failed; see .data/initdb.log"
    cat >>"$PRIVATE_PG_DIR/postgresql.conf" <<EOF

# Private development instance started by scripts/ (npm start / npm test).
port = $PRIVATE_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
EOF
  fi
  step "Starting the private Postgres on 127.0.0.1:$PRIVATE_PG_PORT"
  as_pg_owner "$bin/pg_ctl" -D "$PRIVATE_PG_DIR" -l "$log" -w -t 60 start >/dev/null ||
    die "the private Postgres did not start; see .data/postgres.log"
}

start_private_redis() {
  local bin="$1"
  mkdir -p "$PRIVATE_REDIS_DIR"
  step "Starting a private Redis on 127.0.0.1:$PRIVATE_REDIS_PORT (.data/redis)"
  "$bin" --port "$PRIVATE_REDIS_PORT" --bind 127.0.0.1 --daemonize yes \
    --dir "$PRIVATE_REDIS_DIR" --pidfile "$PRIVATE_REDIS_DIR/redis.pid" --logfile "$PRIVATE_REDIS_DIR/redis.log" \
    --maxmemory-policy noeviction --appendonly yes --appendfsync everysec --save '' >/dev/null ||
    die "redis-server did not start; see .data/redis/redis.log"
  local _
  for _ in $(seq 1 50); do
    svc redis-probe "redis://127.0.0.1:$PRIVATE_REDIS_PORT" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the private Redis did not answer on 127.0.0.1:$PRIVATE_REDIS_PORT; see .data/redis/redis.log"
}

# pg-probe succeeds when the server answers and accepts the login (the database may be missing).
pg_answers() { svc pg-probe "$1" >/dev/null 2>&1; }

resolve_postgres() {
  local out candidate bin
  if [[ -n "${DATABASE_URL:-}" ]]; then
    out="$(svc pg-probe "$DATABASE_URL" 2>&1)" || die "DATABASE_URL: $out"
    PG_SOURCE='DATABASE_URL'
    return 0
  fi

  candidate="postgresql://postgres@127.0.0.1:5432/$APP_DATABASE"
  if pg_answers "$candidate"; then
    PG_SOURCE='server on 127.0.0.1:5432'
    export DATABASE_URL="$candidate"
    return 0
  fi

  candidate="postgresql://postgres@127.0.0.1:$PRIVATE_PG_PORT/$APP_DATABASE"
  if [[ -f "$PRIVATE_PG_DIR/PG_VERSION" ]] && pg_answers "$candidate"; then
    PG_SOURCE="private instance .data/postgres on 127.0.0.1:$PRIVATE_PG_PORT (already running)"
    export DATABASE_URL="$candidate"
    return 0
  fi

  if docker_answers; then
    compose_up postgres
    export DATABASE_URL="postgresql://postgres:$COMPOSE_PG_PASSWORD@127.0.0.1:$COMPOSE_PG_PORT/$APP_DATABASE"
    pg_answers "$DATABASE_URL" || die "the compose postgres does not answer on 127.0.0.1:$COMPOSE_PG_PORT"
    PG_SOURCE="docker compose service postgres on 127.0.0.1:$COMPOSE_PG_PORT"
    return 0
  fi

  if bin="$(find_postgres_bin)"; then
    start_private_postgres "$bin"
    export DATABASE_URL="$candidate"
    pg_answers "$DATABASE_URL" || die "the private Postgres does not answer on 127.0.0.1:$PRIVATE_PG_PORT; see .data/postgres.log"
    PG_SOURCE="private instance .data/postgres on 127.0.0.1:$PRIVATE_PG_PORT (started now)"
    return 0
  fi

  die "no Postgres found: nothing on 127.0.0.1:5432, no Docker engine, no initdb/pg_ctl. Install one: $INSTALL_HINT_PG — or set DATABASE_URL"
}

resolve_redis() {
  local out candidate bin
  if [[ -n "${REDIS_URL:-}" ]]; then
    out="$(svc redis-probe "$REDIS_URL" 2>&1)" || die "REDIS_URL: $out"
    REDIS_SOURCE='REDIS_URL'
    check_eviction_policy "$out"
    return 0
  fi

  candidate='redis://127.0.0.1:6379'
  if out="$(svc redis-probe "$candidate" 2>/dev/null)"; then
    REDIS_SOURCE='server on 127.0.0.1:6379'
    export REDIS_URL="$candidate"
    check_eviction_policy "$out"
    return 0
  fi

  candidate="redis://127.0.0.1:$PRIVATE_REDIS_PORT"
  if [[ -d "$PRIVATE_REDIS_DIR" ]] && svc redis-probe "$candidate" >/dev/null 2>&1; then
    REDIS_SOURCE="private instance .data/redis on 127.0.0.1:$PRIVATE_REDIS_PORT (already running)"
    export REDIS_URL="$candidate"
    return 0
  fi

  if docker_answers; then
    compose_up redis
    export REDIS_URL="redis://127.0.0.1:$COMPOSE_REDIS_PORT"
    REDIS_SOURCE="docker compose service redis on 127.0.0.1:$COMPOSE_REDIS_PORT"
    return 0
  fi

  if bin="$(command -v redis-server 2>/dev/null)"; then
    start_private_redis "$bin"
    export REDIS_URL="$candidate"
    REDIS_SOURCE="private instance .data/redis on 127.0.0.1:$PRIVATE_REDIS_PORT (started now)"
    return 0
  fi

  die "no Redis found: nothing on 127.0.0.1:6379, no Docker engine, no redis-server. Install one: $INSTALL_HINT_REDIS — or set REDIS_URL"
}

# BullMQ loses jobs under eviction; the worker refuses to start unless the policy is noeviction.
check_eviction_policy() {
  local policy="$1"
  if [[ "$policy" != noeviction && "$policy" != unknown ]]; then
    warn "Redis at $(svc endpoint "$REDIS_URL") has maxmemory-policy '$policy'; the worker needs 'noeviction'. Fix: redis-cli -u $REDIS_URL config set maxmemory-policy noeviction"
  fi
}

# Starts mailpit too when Docker is around (SMTP sink for local mail); optional.
MAILPIT_STARTED=0
maybe_start_mailpit() {
  if [[ "$PG_SOURCE" == docker* || "$REDIS_SOURCE" == docker* ]]; then
    if (cd "$REPO_ROOT" && docker compose up -d mailpit >/dev/null 2>&1); then
      MAILPIT_STARTED=1
      note "mailpit: http://localhost:8025 (SMTP on 127.0.0.1:1025)"
    else
      warn "mailpit did not start (optional)"
    fi
  fi
}

resolve_services() {
  step "Resolving Postgres and Redis"
  resolve_postgres
  resolve_redis
  maybe_start_mailpit
  note "postgres: $PG_SOURCE"
  note "redis:    $REDIS_SOURCE"
  if [[ "$PG_SOURCE" == private* || "$REDIS_SOURCE" == private* ]]; then
    note "private instances under .data/ keep running for the next start; stop them with: bash scripts/services.sh stop"
  fi
}

# Where the worker's mail goes (reminders), exported as SMTP_URL for npm start:
#   1. SMTP_URL when set;
#   2. a Mailpit on 127.0.0.1:1025 (SMTP) with its web UI on :8025 (docker compose has one);
#   3. otherwise `console`: the worker prints each mail (headers and text) in its output.
# MAIL_WHERE says where to read them, for the banner.
MAILPIT_SMTP_URL="smtp://127.0.0.1:${MAILPIT_SMTP_PORT:-1025}"
MAILPIT_WEB_URL="http://localhost:${MAILPIT_WEB_PORT:-8025}"
MAIL_WHERE=''

resolve_mail() {
  if [[ -n "${SMTP_URL:-}" ]]; then
    MAIL_WHERE="sent through SMTP_URL ($SMTP_URL)"
    [[ "$SMTP_URL" == console ]] && MAIL_WHERE="printed in the worker's output (SMTP_URL=console)"
    return 0
  fi
  local attempt version
  # A Mailpit that docker compose has just started may need a moment.
  for attempt in 1 2 3 4 5; do
    if svc smtp-probe "$MAILPIT_SMTP_URL" >/dev/null 2>&1 && version="$(svc mailpit-probe "$MAILPIT_WEB_URL" 2>/dev/null)"; then
      export SMTP_URL="$MAILPIT_SMTP_URL"
      MAIL_WHERE="$version: $MAILPIT_WEB_URL"
      note "mail:     $MAIL_WHERE"
      return 0
    fi
    [[ "$MAILPIT_STARTED" == 1 ]] || break
    sleep 1
  done
  export SMTP_URL=console
  MAIL_WHERE="printed in the worker's output (no Mailpit on 127.0.0.1:1025/:8025)"
  note "mail:     $MAIL_WHERE"
}

# DATABASE_URL with another database name on the same server.
database_url_for() {
  local url="$1" name="$2"
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$url" "$name"
}

# Creates the app database named in DATABASE_URL when missing; never touches other databases.
ensure_app_database() {
  local out
  out="$(svc pg-ensure-db "$DATABASE_URL" 2>&1)" || die "DATABASE_URL: $out"
  note "$out"
}

migrate_database() {
  step "Applying migrations (prisma migrate deploy)"
  local log
  log="$(mktemp)"
  if ! (cd "$REPO_ROOT" && npx --no-install prisma migrate deploy) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "prisma migrate deploy failed for database ${DATABASE_URL##*/} on $(svc endpoint "$DATABASE_URL")"
  fi
  note "$(grep -iE 'migrations? (have been|are|found)|no pending|already in sync' "$log" | tr '\n' ' ')"
  rm -f "$log"
}
