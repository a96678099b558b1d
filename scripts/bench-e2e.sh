#!/usr/bin/env bash
# npm run bench:e2e: the submissions pipeline under load (test/bench/pipeline.bench.ts): API and worker processes
# against a throwaway database and queue prefix, submissions over HTTP at increasing rates, latency and throughput
# per rate, beside the grader called in-process. Options are environment variables, listed in that file.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/resolve.sh
source "$REPO_ROOT/scripts/lib/resolve.sh"
cd "$REPO_ROOT"

load_dotenv
ensure_dependencies
resolve_services

run_id="$(date +%Y%m%d%H%M%S)_$$"
BENCH_DB_PREFIX="${APP_DATABASE}_bench_"
bench_url="$(database_url_for "$DATABASE_URL" "$BENCH_DB_PREFIX$run_id")"
export QUEUE_PREFIX="bench_$run_id"

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  svc redis-clear-prefix "$REDIS_URL" "$QUEUE_PREFIX" >/dev/null 2>&1 || true
  svc pg-drop-db "$bench_url" "$BENCH_DB_PREFIX" >/dev/null 2>&1 || warn "could not drop the bench database; drop it by hand"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Creating bench database ${bench_url##*/}"
out="$(svc pg-create-db "$bench_url" 2>&1)" || die "DATABASE_URL: $out"
export DATABASE_URL="$bench_url"
migrate_database
step "Building packages, API and the bench (tsc -b incremental)"
npm run --silent build:libs
npx --no-install tsc -p test/bench
step "Loading built-in content"
node apps/api/dist/cli.js content-sync >/dev/null

step "Benchmarking the submissions pipeline"
node test/bench/dist/bench/pipeline.bench.js
