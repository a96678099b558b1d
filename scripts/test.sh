#!/usr/bin/env bash
# npm test: install if needed, find or start Postgres and Redis, create a fresh test database,
# migrate it, build, run every workspace's tests (jest projects), and drop the database on exit.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects api`.
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
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# Test files sign up and sign in many users from 127.0.0.1 within seconds; production limits would refuse them.
# The throttling tests set their own limits (and addresses) per app; these apply to everything else.
export REGISTER_MAX_PER_IP=100000 LOGIN_MAX_FAILURES_PER_IP=100000

# Browser end-to-end tests drive Debian's Chromium.
ensure_chromium() {
  local found='' candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then found="$candidate" && break; fi
  done
  if [[ -z "$found" ]]; then
    found="$(command -v chromium || command -v chromium-browser || true)"
  fi
  if [[ -z "$found" ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
      step "Installing Chromium for the browser tests (apt-get install chromium)"
      if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
        die "apt-get install chromium failed; install it and re-run: apt-get install -y chromium"
      fi
      found=/usr/bin/chromium
    else
      die "Chromium is needed for the browser tests. Install it: sudo apt-get install chromium"
    fi
  fi
  export CHROMIUM_PATH="$found"
  note "chromium: $CHROMIUM_PATH"
}

ensure_dependencies
ensure_chromium
ensure_lab_tools required
resolve_services

run_id="$(date +%Y%m%d%H%M%S)_$$"
TEST_DB_PREFIX="${APP_DATABASE}_test_"
test_database="$TEST_DB_PREFIX$run_id"
server_url="$DATABASE_URL"
test_database_url="$(database_url_for "$server_url" "$test_database")"
export QUEUE_PREFIX="test_$run_id"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  svc redis-clear-prefix "$REDIS_URL" "$QUEUE_PREFIX" >/dev/null 2>&1 || true
  if svc pg-drop-db "$test_database_url" "$TEST_DB_PREFIX" >/dev/null 2>&1; then
    note "dropped test database $test_database"
  else
    warn "could not drop test database $test_database; drop it by hand"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Creating test database $test_database"
out="$(svc pg-create-db "$test_database_url" 2>&1)" || die "DATABASE_URL: $out"
export DATABASE_URL="$test_database_url"
migrate_database
build_all

step "Running tests (jest, all workspaces)"
npx --no-install jest --ci --maxWorkers=2 "$@"
