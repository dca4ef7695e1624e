#!/bin/bash
# Starts one Galera node of docker-compose.ha.yml (ADR 0022), then hands over to the image's
# entrypoint (which initialises an empty data directory and drops root):
# - the bootstrap node (GALERA_BOOTSTRAP=1) on an empty data directory creates the cluster and the
#   databases and users (its /docker-entrypoint-initdb.d);
# - any other node on an empty data directory joins and receives a full copy (SST), nothing to
#   initialise itself;
# - a node with data rejoins the running cluster (IST or SST as needed) — even the bootstrap node:
#   restarting it with --wsrep-new-cluster would split the cluster in two;
# - after the whole cluster stopped cleanly (`down`, then `up`), the node Galera marked
#   safe_to_bootstrap starts a new cluster from its data when no peer answers.
# GALERA_DONOR: the preferred state-transfer donors (a trailing comma allows any other): never the
# node taking writes if it can be helped, because an rsync donor blocks writes while it copies and
# reports itself desynced, which moves the writer (ADR 0022).
set -euo pipefail
DATADIR=/var/lib/mysql
# The settings and the bootstrap node's extra users come from this folder (mounted at /galera).
cp /galera/galera.cnf /etc/mysql/mariadb.conf.d/90-galera.cnf
cp /galera/init-cluster-users.sh /docker-entrypoint-initdb.d/
peers_answer() {
  local peer
  for peer in ${GALERA_PEERS:-galera-1 galera-2 galera-3}; do
    [ "$peer" = "$(hostname)" ] && continue
    timeout 1 bash -c "exec 3<>/dev/tcp/$peer/4567" 2>/dev/null && return 0
  done
  return 1
}
if [ ! -d "$DATADIR/mysql" ]; then
  if [ "${GALERA_BOOTSTRAP:-0}" = 1 ]; then exec docker-entrypoint.sh mariadbd --wsrep-new-cluster; fi
  chown mysql:mysql "$DATADIR" /run/mysqld
  exec setpriv --reuid=mysql --regid=mysql --init-groups mariadbd ${GALERA_DONOR:+--wsrep-sst-donor=$GALERA_DONOR}
fi
if grep -q '^safe_to_bootstrap: *1' "$DATADIR/grastate.dat" 2>/dev/null && ! peers_answer; then
  exec docker-entrypoint.sh mariadbd --wsrep-new-cluster
fi
exec docker-entrypoint.sh mariadbd ${GALERA_DONOR:+--wsrep-sst-donor=$GALERA_DONOR}
