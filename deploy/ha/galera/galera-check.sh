#!/bin/bash
# galera-check [HOST PORT] — exit 0 only if the node at HOST:PORT (default 127.0.0.1:3306) is a
# synced member of the primary component (wsrep_local_state 4, wsrep_ready ON), like clustercheck.
# Used by each node's compose healthcheck and by the db proxy's galera-watch. Credentials: the
# galera_check account, from /tmp/galera-check.cnf when present (the proxy writes it, which keeps
# the password off its processes' command lines), else GALERA_CHECK_PASSWORD.
host=${1:-127.0.0.1} port=${2:-3306}
credentials=(--user=galera_check "--password=${GALERA_CHECK_PASSWORD:-}")
[ -r /tmp/galera-check.cnf ] && credentials=(--defaults-extra-file=/tmp/galera-check.cnf)
status=$(mariadb "${credentials[@]}" --protocol=tcp --host="$host" --port="$port" --connect-timeout=2 \
  --batch --skip-column-names -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state','wsrep_ready')" 2>/dev/null) || exit 1
grep -qx $'wsrep_local_state\t4' <<<"$status" && grep -qx $'wsrep_ready\tON' <<<"$status"
