#!/bin/bash
# sentinel-start NAME — one Redis Sentinel of docker-compose.ha.yml (ADR 0022), announced by its
# service name. The config is written on first start only: Sentinel rewrites it with what it
# learns (the current primary after a failover), which a restart must keep.
# failover-timeout 2 s: it bounds an election (a split vote, e.g. one Sentinel starved of CPU while
# the other two each voted for themselves, aborts after it) and a new attempt waits twice as long
# from the last one's start. With `down-after` 3 s the retried failover then still ends about 8–9 s
# after the primary died (issue 19: ≤ 10 s), where the default 3 min would take 6; seen in the HA
# test at 0.3 CPU: abort after 5 s, retry after 10 s, the position path back after 15 s. A promotion
# (one replica, SLAVEOF NO ONE, seen on the next 1 s INFO) fits in 2 s with room to spare.
set -euo pipefail
conf=/data/sentinel.conf
if [ ! -f "$conf" ]; then
  cat >"$conf" <<CONF
port 26379
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $1
sentinel monitor ${SENTINEL_MASTER_NAME:-shopwire} ${SENTINEL_PRIMARY:-redis} 6379 2
sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME:-shopwire} 3000
sentinel failover-timeout ${SENTINEL_MASTER_NAME:-shopwire} 2000
sentinel parallel-syncs ${SENTINEL_MASTER_NAME:-shopwire} 1
CONF
fi
chown -R redis:redis /data
exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$conf" --sentinel
