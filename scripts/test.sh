#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, types, unit and integration tests, the production build, and the
# end-to-end tests in Chromium against that build. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TZ=UTC

# The end-to-end tests drive Debian's Chromium headless shell (Playwright's own browser download is not reachable
# here): the old headless mode, without the full browser behind the new one, takes about a third less CPU for the
# same tests, and on two cores the suite waits on CPU.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium's headless shell from apt for the end-to-end tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  else
    echo "Chromium's headless shell is missing: run 'sudo apt-get install -y chromium-headless-shell' (or set CHROMIUM_PATH to a Chromium)." >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

# Redis (the shared-state tests start their own redis-server) and PostgreSQL (the scale-out stage).
if ! command -v redis-server >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL and Redis from apt for the shared-state and scale-out tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq postgresql redis-server >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get install -y -qq postgresql redis-server >/dev/null; }
  fi
fi

mkdir -p .data/test-results
stage() { printf '\n=== %s ===\n' "$1"; }

stage "lint (Biome)"
npx biome check .
stage "typecheck (tsc)"
npx tsc --noEmit
stage "unit and integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.data/test-results/vitest.json
stage "production build (next build)"
npx next build
stage "bundle budget (first-load JavaScript per page, bundle-budget.json)"
npx tsx scripts/bundle-budget.ts
stage "scale-out (two instances sharing PostgreSQL and Redis, scripts/test-scale.sh)"
if ! command -v redis-server >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL and Redis are missing: run as root (the suite installs them) or 'sudo apt-get install -y postgresql redis-server'." >&2
  exit 1
fi
bash scripts/test-scale.sh
stage "end-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.data/test-results/playwright.json npx playwright test --reporter=list,json
stage "summary"
node scripts/test-summary.mjs .data/test-results/vitest.json .data/test-results/playwright.json
