#!/bin/bash
# sentinel-start NAME — one Redis Sentinel of docker-compose.ha.yml (ADR 0022), announced by its
# service name. The config is written on first start only: Sentinel rewrites it with what it
# learns (the current primary after a failover), which a restart must keep. failover-timeout 5 s:
# a failover whose leader was not elected (split vote) or that aborted is tried again only after
# twice this, so the default 3 min would leave the store without Redis writes for 6; at 5 s the
# retry comes 10 s later (one promotion of a replica takes milliseconds).
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
sentinel failover-timeout ${SENTINEL_MASTER_NAME:-shopwire} 5000
sentinel parallel-syncs ${SENTINEL_MASTER_NAME:-shopwire} 1
CONF
fi
chown -R redis:redis /data
exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$conf" --sentinel
