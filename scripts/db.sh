#!/usr/bin/env bash
# Database chores for the app database (interview_prep, or the one DATABASE_URL names).
#   bash scripts/db.sh migrate          create the database if missing, apply migrations
#   bash scripts/db.sh reset [--yes]    drop and recreate it (asks first unless --yes), then migrate
#   bash scripts/db.sh content-sync     load the built-in content (decks, problems, cards)
#   bash scripts/db.sh admin-create <email>   create an admin account (prompts for its password, or reads
#                                       ADMIN_PASSWORD or standard input); never changes an existing account
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/resolve.sh
source "$REPO_ROOT/scripts/lib/resolve.sh"
cd "$REPO_ROOT"

usage() {
  sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 64
}

command="${1:-}"
case "$command" in
  migrate | reset | content-sync | admin-create) shift ;;
  *) usage ;;
esac

load_dotenv
ensure_dependencies
resolve_services

case "$command" in
  migrate)
    ensure_app_database
    migrate_database
    ;;
  reset)
    yes=''
    for arg in "$@"; do
      case "$arg" in
        --yes | -y) yes=1 ;;
        *) usage ;;
      esac
    done
    name="${DATABASE_URL##*/}"
    name="${name%%\?*}"
    target="$(svc endpoint "$DATABASE_URL")/$name"
    if [[ -z "$yes" ]]; then
      [[ -t 0 ]] || die "db:reset deletes every row in $target; re-run with --yes to confirm (npm run db:reset -- --yes)"
      read -r -p "Drop and recreate $target? Every row in it is lost. [y/N] " answer
      [[ "$answer" =~ ^[Yy]([Ee][Ss])?$ ]] || die "cancelled"
    fi
    step "Dropping $target"
    out="$(svc pg-drop-db "$DATABASE_URL" "$name" 2>&1)" || die "DATABASE_URL: $out"
    ensure_app_database
    migrate_database
    ;;
  content-sync)
    ensure_app_database
    step "Building packages and API (tsc -b incremental)"
    npm run --silent build:libs
    step "Loading built-in content"
    node apps/api/dist/cli.js content-sync
    ;;
  admin-create)
    [[ $# -eq 1 ]] || usage
    # Standard input may carry the password: only the CLI reads it.
    ensure_app_database </dev/null
    migrate_database </dev/null
    step "Building packages and API (tsc -b incremental)"
    npm run --silent build:libs </dev/null
    node apps/api/dist/cli.js admin-create "$1"
    ;;
esac
