#!/bin/bash
# First start on an empty data directory: create the system tables, the root account (random
# password printed once, or MARIADB_ROOT_PASSWORD), MARIADB_DATABASE, MARIADB_USER with all
# privileges on it, a `healthcheck` account for healthcheck.sh, then run
# /docker-entrypoint-initdb.d/*.sql|*.sql.gz|*.sh — all on a server that listens on no network
# port and without Galera replication (as the official image), so nothing can connect (and
# healthcheck.sh --connect fails) until initialisation is done.
# Later starts find the data directory initialised and only start the server.
set -euo pipefail
DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

log() { echo "$(date -u +%FT%TZ) [entrypoint] $*"; }
as_mysql() { setpriv --reuid=mysql --regid=mysql --init-groups "$@"; }
sql_string() { printf "'%s'" "$(printf '%s' "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/\\\\'/g")"; }
sql_ident() { printf '`%s`' "$(printf '%s' "$1" | sed 's/`/``/g')"; }
random_password() { tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true; }

initialise() {
  local root_password="${MARIADB_ROOT_PASSWORD:-}"
  if [ -z "$root_password" ]; then
    if [ -z "${MARIADB_RANDOM_ROOT_PASSWORD:-}" ] && [ -z "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-}" ]; then
      log "error: set one of MARIADB_ROOT_PASSWORD, MARIADB_RANDOM_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"
      exit 1
    fi
    if [ -n "${MARIADB_RANDOM_ROOT_PASSWORD:-}" ]; then
      root_password="$(random_password)"
      log "GENERATED ROOT PASSWORD: $root_password"
    fi
  fi
  if [ -n "${MARIADB_USER:-}" ] && [ -z "${MARIADB_PASSWORD:-}" ]; then
    log "error: MARIADB_USER needs MARIADB_PASSWORD"
    exit 1
  fi

  log "initialising $DATADIR"
  as_mysql mariadb-install-db --datadir="$DATADIR" --skip-test-db --auth-root-authentication-method=normal \
    --skip-name-resolve >/dev/null
  # Started directly (not through a function, which would fork a subshell): $! is the server.
  setpriv --reuid=mysql --regid=mysql --init-groups mariadbd --skip-networking --wsrep-on=OFF --socket="$SOCKET" --datadir="$DATADIR" &
  local pid=$!
  for _ in $(seq 60); do mariadb --protocol=socket --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  mariadb --protocol=socket --socket="$SOCKET" -uroot -e 'SELECT 1' >/dev/null

  local health_password sql
  health_password="$(random_password)"
  sql="DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost'));"
  sql+="ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_password");"
  sql+="CREATE USER 'root'@'%' IDENTIFIED BY $(sql_string "$root_password");"
  sql+="GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
  sql+="CREATE USER 'healthcheck'@'127.0.0.1' IDENTIFIED BY $(sql_string "$health_password");"
  sql+="CREATE USER 'healthcheck'@'::1' IDENTIFIED BY $(sql_string "$health_password");"
  sql+="CREATE USER 'healthcheck'@'localhost' IDENTIFIED BY $(sql_string "$health_password");"
  if [ -n "${MARIADB_DATABASE:-}" ]; then
    sql+="CREATE DATABASE IF NOT EXISTS $(sql_ident "$MARIADB_DATABASE");"
  fi
  if [ -n "${MARIADB_USER:-}" ]; then
    sql+="CREATE USER $(sql_string "$MARIADB_USER")@'%' IDENTIFIED BY $(sql_string "$MARIADB_PASSWORD");"
    [ -n "${MARIADB_DATABASE:-}" ] && sql+="GRANT ALL ON $(sql_ident "$MARIADB_DATABASE").* TO $(sql_string "$MARIADB_USER")@'%';"
  fi
  sql+="FLUSH PRIVILEGES;"
  mariadb --protocol=socket --socket="$SOCKET" -uroot -e "$sql"
  printf '[mariadb-client]\nport=3306\nuser=healthcheck\npassword=%s\n' "$health_password" >"$DATADIR/.my-healthcheck.cnf"
  chown mysql:mysql "$DATADIR/.my-healthcheck.cnf" && chmod 600 "$DATADIR/.my-healthcheck.cnf"

  local client=(mariadb --protocol=socket --socket="$SOCKET" -uroot --password="$root_password")
  [ -n "${MARIADB_DATABASE:-}" ] && client+=(--database="$MARIADB_DATABASE")
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh) log "running $file"; . "$file" ;;
      *.sql) log "running $file"; "${client[@]}" <"$file" ;;
      *.sql.gz) log "running $file"; gunzip -c "$file" | "${client[@]}" ;;
      *) [ -e "$file" ] && log "ignoring $file" ;;
    esac
  done

  # A clean shutdown before the real start: it must release the data files it holds.
  kill -TERM "$pid"
  wait "$pid" || true
  log "initialisation done"
}

if [ "${1:-}" = "mariadbd" ] || [ "${1:-}" = "mysqld" ] || [ "${1#-}" != "${1:-}" ]; then
  [ "${1#-}" != "${1:-}" ] && set -- mariadbd "$@"
  if [ "$(id -u)" = 0 ]; then
    chown mysql:mysql "$DATADIR" /run/mysqld
  fi
  [ -d "$DATADIR/mysql" ] || initialise
  exec setpriv --reuid=mysql --regid=mysql --init-groups "$@"
fi
exec "$@"
