#!/usr/bin/env bash
# Runs the whole test suite: domain tests, web tests on SQLite and PostgreSQL, and browser tests in
# Debian's Chromium with axe-core. Installs what is missing with apt when run as root, starts a
# throwaway PostgreSQL cluster on a free loopback port, and stops it at the end.
# Exits non-zero on any failure, and prints "N passed, N failed, N skipped" as its last line.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-liberation)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -e /usr/share/zoneinfo/Europe/London ] || need+=(tzdata)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing: ${need[*]}. Install them (sudo apt-get install ${need[*]}) or run as root." >&2
    exit 1
  fi
fi

work=$(mktemp -d)
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
chmod 755 "$work"

# A throwaway PostgreSQL cluster on a free loopback port, unless one is given.
pg_started=""
stop_postgres() {
  if [ -n "$pg_started" ]; then
    su postgres -c "$PGBIN/pg_ctl -D $work/pg -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap stop_postgres EXIT
if [ -z "${DP_TEST_POSTGRES:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  mkdir -p "$work/pg" "$work/pgsock"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$work/pg" "$work/pgsock"
    run_pg() { su postgres -c "$*"; }
  else
    run_pg() { bash -c "$*"; }
  fi
  run_pg "$PGBIN/initdb -D $work/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  run_pg "$PGBIN/pg_ctl -D $work/pg -l $work/pg/server.log -o '-p $port -k $work/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' -w start" >/dev/null
  pg_started=1
  export DP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port for the tests"
fi

dotnet tool restore >/dev/null
dotnet build DirectPayments.sln -c Release -warnaserror --nologo -clp:ErrorsOnly
set +e
dotnet test --solution DirectPayments.sln -c Release --no-build 2>&1 | tee "$work/test.log"
rc=${PIPESTATUS[0]}
set -e

passed=$(awk '/^ *succeeded:/{s+=$2} END{print s+0}' "$work/test.log")
failed=$(awk '/^ *failed:/{s+=$2} END{print s+0}' "$work/test.log")
skipped=$(awk '/^ *skipped:/{s+=$2} END{print s+0}' "$work/test.log")
if [ "$skipped" -gt 0 ]; then
  echo "Skipped tests:"
  grep -A1 '^skipped ' "$work/test.log" | head -40 || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
