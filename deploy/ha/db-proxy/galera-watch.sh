#!/bin/bash
# galera-watch NODE — keeps /tmp/galera-state/NODE current for the proxy's check: "up EPOCH" while
# galera-check finds NODE a synced member of the primary component, else "down EPOCH", about every
# second. The query runs here and not in HAProxy's own check because HAProxy kills an external
# check that outlives its interval (`timeout check` does not apply, haproxy/haproxy#2589): on a
# slow machine a healthy node whose answer took longer was marked down, and when that hit every
# node the store lost its database. Here a slow answer only delays the next state (up to the
# 5 s timeout); galera-state-check judges the state by its age.
set -uo pipefail
node=${1:?usage: galera-watch NODE}
dir=/tmp/galera-state
mkdir -p "$dir"
while :; do
  if timeout 5 galera-check "$node" 3306; then state=up; else state=down; fi
  printf '%s %(%s)T\n' "$state" -1 >"$dir/$node.new" && mv -f "$dir/$node.new" "$dir/$node"
  sleep 1
done
