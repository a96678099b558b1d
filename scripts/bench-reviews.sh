#!/usr/bin/env bash
# npm run bench:reviews: seed one learner with 20,000 items and 200,000 review logs in a fresh database of its own
# (<app database>_bench, dropped and recreated on every run), start the built API against it, and drive
# GET /api/review/next and POST /api/review/:itemId with autocannon at 50 connections. Prints the figures.
#   BENCH_DURATION=<seconds per run> (default 15)   BENCH_RATE=<requests/s for the fixed-rate runs> (default 100)
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/resolve.sh
source "$REPO_ROOT/scripts/lib/resolve.sh"
cd "$REPO_ROOT"

load_dotenv
ensure_dependencies
resolve_services

bench_database="${APP_DATABASE}_bench"
export DATABASE_URL="$(database_url_for "$DATABASE_URL" "$bench_database")"
step "Recreating the benchmark database $bench_database"
svc pg-drop-db "$DATABASE_URL" "$bench_database" >/dev/null 2>&1 || true
ensure_app_database
migrate_database
step "Building packages and API (tsc -b incremental)"
npm run --silent build:libs
node apps/api/dist/bench/reviews.bench.js
