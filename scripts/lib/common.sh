# shellcheck shell=bash
# Shared helpers for scripts/*.sh: messages, .env loading, dependency install, builds.
# Source it; it expects `set -euo pipefail` in the caller.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  C_BOLD=$'\033[1m' C_DIM=$'\033[2m' C_RED=$'\033[31m' C_YELLOW=$'\033[33m' C_GREEN=$'\033[32m' C_RESET=$'\033[0m'
else
  C_BOLD='' C_DIM='' C_RED='' C_YELLOW='' C_GREEN='' C_RESET=''
fi

step() { printf '%s==>%s %s\n' "$C_BOLD$C_GREEN" "$C_RESET" "$*"; }
note() { printf '    %s%s%s\n' "$C_DIM" "$*" "$C_RESET"; }
warn() { printf '%swarning:%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2
  exit 1
}

# Runs the Node helper that talks to Postgres/Redis (needs node_modules).
svc() { node "$REPO_ROOT/scripts/lib/services.js" "$@"; }

# Reads .env (KEY=VALUE lines) without overriding variables already set in the environment.
load_dotenv() {
  local file="$REPO_ROOT/.env" line key value
  [[ -f "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]}"
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value="${BASH_REMATCH[1]}"
    else
      value="${value%%[[:space:]]#*}" # unquoted: drop a trailing " # comment"
      value="${value%"${value##*[![:space:]]}"}"
    fi
    if [[ -z "${!key+set}" ]]; then
      export "$key=$value"
    fi
  done <"$file"
  note "read .env (variables already set in the environment win)"
}

require_node() {
  command -v node >/dev/null 2>&1 || die "Node.js 20 or newer is required: https://nodejs.org (Debian: sudo apt-get install nodejs npm)"
  local version
  version="$(node --version)"
  version="${version#v}"
  ((${version%%.*} >= 20)) || die "Node.js $version is too old; this project needs Node.js 20 or newer"
}

lockfile_hash() {
  { node --version; cat "$REPO_ROOT/package-lock.json"; } | sha256sum | cut -d' ' -f1
}

# `npm ci` only when node_modules is missing or package-lock.json changed since the last install.
ensure_dependencies() {
  require_node
  local marker="$REPO_ROOT/node_modules/.install-hash" wanted reason=''
  if [[ "${PREP_SKIP_INSTALL:-}" == 1 && -d "$REPO_ROOT/node_modules" ]]; then
    return 0 # node_modules is managed by someone else (e.g. a shared development tree)
  fi
  wanted="$(lockfile_hash)"
  if [[ ! -d "$REPO_ROOT/node_modules" ]]; then
    reason='node_modules is missing'
  elif [[ -f "$marker" && "$(cat "$marker")" == "$wanted" ]]; then
    return 0
  elif ! reason="$(node "$REPO_ROOT/scripts/lib/install-state.js")"; then
    reason="node_modules is out of date: $reason"
  else
    # Installed by hand and matching the lockfile: adopt it.
    printf '%s\n' "$wanted" >"$marker"
    return 0
  fi
  step "Installing dependencies (npm ci) — $reason"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund)
  printf '%s\n' "$wanted" >"$marker"
}

# Hash of the source files under the given paths (relative to the repo root). In a git checkout
# that is every tracked or untracked file git does not ignore, so build output (which the
# builds themselves write, e.g. next-env.d.ts) never counts as a change.
source_files() {
  if git -C "$REPO_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$REPO_ROOT" ls-files -z --cached --others --exclude-standard -- "$@" |
      while IFS= read -r -d '' file; do [[ -f "$REPO_ROOT/$file" ]] && printf '%s\0' "$file"; done
  else
    (cd "$REPO_ROOT" && find "$@" -type f -not -path '*/node_modules/*' -not -path '*/.next/*' \
      -not -path '*/dist/*' -not -name '*.tsbuildinfo' -not -name 'next-env.d.ts' -print0)
  fi
}

tree_hash() {
  (
    cd "$REPO_ROOT" || exit 1
    # Tests are not part of the build.
    source_files "$@" | { grep -zvE '\.spec\.tsx?$' || true; } | LC_ALL=C sort -z | xargs -0 -r sha256sum
    sha256sum package-lock.json
  ) | sha256sum | cut -d' ' -f1
}

# The same build as `npm run build`, but incremental: `tsc -b` skips what is up to date, and
# `next build` is skipped when nothing under apps/web or packages/contracts changed.
build_all() {
  step "Building packages and API (prisma generate, tsc -b incremental)"
  (cd "$REPO_ROOT" && npm run --silent build:libs)

  local marker="$REPO_ROOT/apps/web/.next/.prep-source-hash" wanted
  wanted="$(tree_hash apps/web packages/contracts/src)"
  if [[ -f "$REPO_ROOT/apps/web/.next/BUILD_ID" && -f "$marker" && "$(cat "$marker")" == "$wanted" ]]; then
    note "web: unchanged since the last build, skipping next build"
    return 0
  fi
  step "Building the web app (next build)"
  (cd "$REPO_ROOT" && npm run --silent build -w apps/web)
  printf '%s\n' "$wanted" >"$marker"
}
