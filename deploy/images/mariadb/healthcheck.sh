#!/bin/bash
# healthcheck.sh [--connect] [--innodb_initialized] — the subset of the official image's checks that
# docker-compose.yml uses, same meaning, as the `healthcheck` account the entrypoint created:
#   --connect             a client connects over TCP (so not during initialisation, which listens on
#                         no port);
#   --innodb_initialized  InnoDB has finished starting up.
# Exit 0 only when every requested check passes.
set -eo pipefail
client=(mariadb --defaults-extra-file=/var/lib/mysql/.my-healthcheck.cnf --protocol=tcp --host=127.0.0.1
  --connect-timeout=3 --batch --skip-column-names)
[ -r /var/lib/mysql/.my-healthcheck.cnf ] || { echo "not initialised"; exit 1; }
for check in "$@"; do
  case "$check" in
    --connect) "${client[@]}" -e 'SELECT 1' >/dev/null ;;
    --innodb_initialized)
      [ "$("${client[@]}" -e "SELECT 1 FROM information_schema.ENGINES WHERE engine='InnoDB' AND support IN ('YES','DEFAULT','ENABLED')")" = 1 ] ;;
    *) echo "healthcheck.sh: unsupported check $check" >&2; exit 1 ;;
  esac
done
