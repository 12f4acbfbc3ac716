#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a private port, for tests and benchmarks: by default nothing is durable (fsync off), the
# socket lives in the cluster's own folder, and `stop` removes everything.
#   scripts/throwaway-postgres.sh start DIR   -> prints a keyword connection string for a superuser with a password
#   scripts/throwaway-postgres.sh stop DIR
#   scripts/throwaway-postgres.sh down DIR    -> stops the server (fast shutdown: sessions are ended), keeps the cluster
#   scripts/throwaway-postgres.sh up DIR      -> starts it again on the same port with the same settings
# Installs Debian's server first when no PostgreSQL binaries are found (needs root). As root the cluster runs as the
# 'postgres' account (initdb refuses root); otherwise as the calling user. THROWAWAY_PG_DURABLE=1 keeps fsync and
# full-page writes on (commits still do not wait for the disk, like SQLite's WAL with synchronous=NORMAL): for benchmarks.
set -euo pipefail

bin_dir() {
  local initdb
  initdb=$(command -v initdb 2>/dev/null || true)
  if [ -z "$initdb" ]; then
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$initdb" ] && dirname "$initdb"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local dir=$1 bin port password
  bin=$(bin_dir || true)
  if [ -z "$bin" ]; then
    echo "installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends postgresql >&2 || { apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2; }
    bin=$(bin_dir)
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-host=scram-sha-256 --auth-local=trust \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  # A random private port; a port someone else holds makes the start fail, so a few are tried.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${THROWAWAY_PG_DURABLE:-0}" = "1" ] && durability="-c synchronous_commit=off"
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    local options="-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=300"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/log" start -o "$options" >/dev/null; then
      echo "$bin" > "$dir/bin"
      echo "$options" > "$dir/options"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
      return 0
    fi
  done
  cat "$dir/log" >&2
  return 1
}

stop() {
  local dir=$1
  if [ -f "$dir/bin" ]; then as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

down() {
  local dir=$1
  as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

up() {
  local dir=$1
  as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/log" start -o "$(cat "$dir/options")" >/dev/null
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  down) down "$2" ;;
  up) up "$2" ;;
  *) echo "usage: $0 start|stop|down|up DIR" >&2; exit 2 ;;
esac
