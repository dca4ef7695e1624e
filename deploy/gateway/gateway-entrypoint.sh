#!/bin/sh
# Writes the one switchable part of the configuration, then runs nginx (the CMD).
# PUBLIC_API_DOCS=true: /docs and /docs-json pass to the apps; otherwise the public entry answers 404.
set -eu
mkdir -p /tmp/gateway
if [ "${PUBLIC_API_DOCS:-false}" = "true" ]; then
  : >/tmp/gateway/api-docs.conf
else
  echo 'location ^~ /docs { return 404; }' >/tmp/gateway/api-docs.conf
fi
exec "$@"
