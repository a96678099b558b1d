#!/usr/bin/env bash
# npm start: install if needed, find or start Postgres and Redis, migrate, build what changed,
# load content and demo users, then run api, worker and web together until Ctrl-C.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/resolve.sh
source "$REPO_ROOT/scripts/lib/resolve.sh"
# shellcheck source=scripts/lib/labs.sh
source "$REPO_ROOT/scripts/lib/labs.sh"
cd "$REPO_ROOT"

load_dotenv
export NEXT_TELEMETRY_DISABLED=1
export API_HOST="${API_HOST:-127.0.0.1}"
export API_PORT="${API_PORT:-4000}"
export WORKER_HEALTH_PORT="${WORKER_HEALTH_PORT:-4001}"
export LAB_WORKER_HEALTH_PORT="${LAB_WORKER_HEALTH_PORT:-4002}"
export WEB_PORT="${WEB_PORT:-3000}"
export API_URL="${API_URL:-http://127.0.0.1:$API_PORT}"
export WEB_ORIGIN="${WEB_ORIGIN:-http://localhost:$WEB_PORT}"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$API_PORT" "$WEB_PORT" "$WORKER_HEALTH_PORT" "$LAB_WORKER_HEALTH_PORT"; do
  [[ "$port" == 0 ]] && continue
  if port_in_use "$port"; then
    die "port $port is already in use (another npm start?); stop it or set API_PORT / WEB_PORT / WORKER_HEALTH_PORT / LAB_WORKER_HEALTH_PORT"
  fi
done

ensure_dependencies
ensure_lab_tools optional
resolve_services
resolve_mail
ensure_app_database
migrate_database
build_all

step "Loading built-in content and demo users"
# Broken content (a contributor mid-edit) should not keep the app from starting: the last synced
# content stays in the database, and the message says how to find the problem.
node apps/api/dist/cli.js content-sync ||
  warn "content-sync failed (above); the app starts with the content synced before. Check it with: npm run content:lint"
node apps/api/dist/cli.js seed-demo

print_banner() {
  cat <<EOF

${C_BOLD}Recall Prep is running${C_RESET}
  web      http://localhost:$WEB_PORT
  API      http://localhost:$API_PORT/api   (ready: http://localhost:$API_PORT/api/ready)
  API docs http://localhost:$API_PORT/api/docs
  mail     $MAIL_WHERE
EOF
  if [[ "$LAB_TOOLS_READY" == 1 && "$LAB_WORKER_HEALTH_PORT" != 0 ]]; then
    printf '  labs     http://localhost:%s/health   (lab worker; metrics on /metrics)\n' "$LAB_WORKER_HEALTH_PORT"
  fi
  cat <<EOF
  Sign in as demo@example.com / demo-password-1 (learner) or admin@example.com / admin-password-1 (admin),
  or create an account on the sign-up page. Ctrl-C stops them all.
EOF
  if [[ "$PG_SOURCE" == private* || "$REDIS_SOURCE" == private* ]]; then
    printf '  Private Postgres/Redis under .data/ keep running after Ctrl-C; stop them with: bash scripts/services.sh stop\n'
  fi
  printf '\n'
}

announcer_pid=''
runner_pid=''
# shellcheck disable=SC2317 # invoked by the traps below
cleanup() {
  if [[ -n "$announcer_pid" ]]; then kill "$announcer_pid" 2>/dev/null || true; fi
  if [[ -n "$runner_pid" ]]; then kill -TERM "$runner_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
# Ctrl-C or SIGTERM: let concurrently stop api, worker and web, then leave quietly.
trap 'cleanup; wait "$runner_pid" 2>/dev/null || true; runner_pid=""; exit 0' INT TERM

# The banner appears once the API and the web app answer, so it is not lost in the start-up logs.
node scripts/lib/wait-http.js --timeout 180 --message "$(print_banner)" \
  "http://127.0.0.1:$API_PORT/api/health" "http://127.0.0.1:$WEB_PORT/" &
announcer_pid=$!

# The processes write into concurrently's pipes, so they cannot see the terminal themselves: decide here.
# A person at a terminal gets short readable lines; a pipe or file (or LOG_FORMAT=json) gets JSON lines.
if [[ -z "${LOG_FORMAT:-}" || "$LOG_FORMAT" == auto ]]; then
  if [[ -t 1 ]]; then export LOG_FORMAT=pretty; else export LOG_FORMAT=json; fi
fi

processes=(api worker web)
commands=("node apps/api/dist/main.js" "node --no-node-snapshot apps/api/dist/worker.main.js" "node_modules/.bin/next start apps/web -p $WEB_PORT")
if [[ "$LAB_TOOLS_READY" == 1 ]]; then
  # The lab worker pool: Redis only, bubblewrap sandboxes, CPU slots here (GPU slots where nvidia-smi finds GPUs).
  processes+=(labs)
  commands+=("node apps/lab-worker/dist/main.js")
fi
step "Starting ${processes[*]} (Ctrl-C stops them)"
# -k: when one process exits, stop the others, so a crash never leaves the product half-running.
node_modules/.bin/concurrently -k --kill-timeout 10000 -n "$(IFS=,; echo "${processes[*]}")" -c blue,magenta,green,yellow "${commands[@]}" &
runner_pid=$!
wait "$runner_pid" && status=0 || status=$?
runner_pid=''
exit "$status"
