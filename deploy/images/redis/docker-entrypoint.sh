#!/bin/bash
# As the official image: without a config file Redis would enable protected mode and refuse every
# client that is not on loopback, so it is turned off (the network is the boundary; nothing
# publishes this port). The server drops root and owns its data directory.
set -e
if [ "$1" = "redis-server" ]; then
  shift
  set -- redis-server --protected-mode no "$@"
  if [ "$(id -u)" = 0 ]; then
    find . \! -user redis -exec chown redis '{}' +
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
  fi
fi
exec "$@"
