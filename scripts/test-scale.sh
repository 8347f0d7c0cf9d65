#!/usr/bin/env bash
# The scale-out test (`npm run test:scale`): PostgreSQL and Redis from apt (installed when missing, as root),
# a fresh database and a throw-away Redis for this run, then scripts/test-scale.ts starts the simulators and
# two console instances and proves that sessions, revocations, the sign-in lock-out, the audit log and vendor
# sessions are shared. Everything it started is stopped and dropped again, also when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TZ=UTC

say() { printf '[test:scale] %s\n' "$*"; }
die() { printf '[test:scale] %s\n' "$*" >&2; exit 1; }

# --- PostgreSQL and Redis binaries -----------------------------------------------------------------------
missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
    die "${missing[*]} missing: run 'sudo apt-get install -y ${missing[*]}' first (or run this as root)."
  say "installing ${missing[*]} from apt..."
  export DEBIAN_FRONTEND=noninteractive
  # The package lists are refreshed only when the packages are not found without it.
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# --- Clean-up of everything started below, whatever happens --------------------------------------------
pg_started="" db_name="" redis_pid=""
cleanup() {
  local status=$?
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  if [ -n "$db_name" ]; then
    runuser -u postgres -- psql -q -p "$pg_port" -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE);" >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_started" ]; then pg_ctlcluster $pg_started stop >/dev/null 2>&1 || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: the first cluster, started if it is down; a fresh database per run -----------------------
read -r pg_version pg_cluster pg_port pg_status < <(pg_lsclusters --no-header | awk 'NR==1 {print $1, $2, $3, $4}') ||
  die "no PostgreSQL cluster: create one with 'pg_createcluster <version> main'."
if [ "$pg_status" != online ]; then
  [ "$(id -u)" = 0 ] || die "PostgreSQL $pg_version/$pg_cluster is down: start it with 'sudo pg_ctlcluster $pg_version $pg_cluster start'."
  say "starting PostgreSQL $pg_version/$pg_cluster..."
  pg_ctlcluster "$pg_version" "$pg_cluster" start
  pg_started="$pg_version $pg_cluster"
fi
role=console_scale
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
db_name="console_scale_$(date +%s)_$$"
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$pg_port" "$@"; }
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN; END IF;
END \$\$;" -c "ALTER ROLE $role PASSWORD '$password';" -c "CREATE DATABASE \"$db_name\" OWNER $role;" >/dev/null
export DATABASE_URL="postgres://$role:$password@127.0.0.1:$pg_port/$db_name"

# --- Redis: our own server on a free port, nothing written to disk -----------------------------------------
# A child of this script rather than a daemon, so it is stopped and reaped (no zombie) on the way out.
redis_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --loglevel warning >/dev/null &
redis_pid=$!
for _ in $(seq 50); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
  kill -0 "$redis_pid" 2>/dev/null || die "redis-server did not start on port $redis_port."
  sleep 0.1
done
redis-cli -p "$redis_port" ping >/dev/null 2>&1 || die "redis-server did not answer on port $redis_port."
export REDIS_URL="redis://127.0.0.1:$redis_port"
say "PostgreSQL $pg_version on port $pg_port (database $db_name), Redis on port $redis_port"

# --- The console build, once -------------------------------------------------------------------------------
if [ ! -f .next/BUILD_ID ]; then
  say "building the console (once)..."
  npx next build >/dev/null
fi

npx tsx scripts/test-scale.ts
