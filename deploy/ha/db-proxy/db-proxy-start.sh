#!/bin/bash
# HAProxy runs its external checks with an empty environment: hand the watchers the check account
# in a file (on /tmp, the container's only writable path), start one galera-watch per server of
# haproxy.cfg (they keep the state HAProxy's check reads), then run HAProxy in the foreground.
set -euo pipefail
umask 077
printf '[client]\nuser=galera_check\npassword=%s\n' "${GALERA_CHECK_PASSWORD:?}" >/tmp/galera-check.cnf
nodes=$(awk '$1 == "server" { print $2 }' /etc/haproxy/haproxy.cfg)
for node in $nodes; do
  galera-watch "$node" &
done
# HAProxy checks at once: started before a watcher's first word it would mark that node down, and
# cut the sessions just opened on it (a migration's, on a clean start). Each watcher writes within
# its check's 5 s timeout; after 10 s HAProxy starts anyway.
for _ in $(seq 100); do
  ready=yes
  for node in $nodes; do [ -e "/tmp/galera-state/$node" ] || ready=no; done
  [ "$ready" = yes ] && break
  sleep 0.1
done
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
