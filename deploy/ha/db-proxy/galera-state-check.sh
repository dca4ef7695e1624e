#!/bin/bash
# HAProxy's external check of one Galera node (HAPROXY_SERVER_NAME): passes while galera-watch's
# last word on it is "up" and at most 8 s old (one watch round is at most 5 s of check + 1 s of
# sleep; older means the watcher itself is stuck). Only shell builtins: it must finish well within
# the check interval however busy the machine is.
read -r state at 2>/dev/null <"/tmp/galera-state/${HAPROXY_SERVER_NAME:-}" || exit 1
printf -v now '%(%s)T' -1
[ "$state" = up ] && ((now - at <= 8))
