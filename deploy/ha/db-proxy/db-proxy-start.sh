#!/bin/bash
# HAProxy runs its external checks with an empty environment: hand them the check account in a
# file (on /tmp, the container's only writable path), then run HAProxy in the foreground.
set -euo pipefail
umask 077
printf '[client]\nuser=galera_check\npassword=%s\n' "${GALERA_CHECK_PASSWORD:?}" >/tmp/galera-check.cnf
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
