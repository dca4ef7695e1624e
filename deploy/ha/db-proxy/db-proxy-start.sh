#!/bin/bash
# HAProxy runs its external checks with an empty environment: hand the watchers the check account
# in a file (on /tmp, the container's only writable path), start one galera-watch per server of
# haproxy.cfg (they keep the state HAProxy's check reads), then run HAProxy in the foreground.
set -euo pipefail
umask 077
printf '[client]\nuser=galera_check\npassword=%s\n' "${GALERA_CHECK_PASSWORD:?}" >/tmp/galera-check.cnf
for node in $(awk '$1 == "server" { print $2 }' /etc/haproxy/haproxy.cfg); do
  galera-watch "$node" &
done
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
