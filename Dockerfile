# syntax=docker/dockerfile:1
# One build for the whole monorepo, one small runtime image per app:
#   docker build --target auth -t shopwire/auth:0.1.0 .
# Targets: auth, owner, customer, courier, realtime, worker. See docs/deploy.md.

# Node: the project's one supported line, the version in .nvmrc (deploy/validate checks they agree).
# Without access to an image registry, `npm run images:local` builds stand-ins under these names.

# ---- build: compile every app and the web app once, then drop dev dependencies ----------------------------
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false CI=true
# Manifests first: the `npm ci` layer is reused from the build cache while they are unchanged.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
# The whole source tree minus .dockerignore, so whatever `npm run build` needs (new folders too)
# is here without listing it.
COPY . .
RUN npm run build && npm prune --omit=dev

# ---- runtime: what every app image shares ---------------------------------------------------
FROM node:24.22.3-bookworm-slim AS runtime
# tini as PID 1: forwards SIGTERM to node (graceful shutdown) and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The code stays root-owned and read-only for the app user (uid 1000 = "node" in the base image).
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
# Liveness only: readiness (dependencies) is the orchestrator's business, see the k8s probes.
# bash's /dev/tcp rather than `node -e fetch(...)`: a probe costs ~1 ms of CPU, not a Node start-up.
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$HEALTH_PORT && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

# Each app stage names its app and health port; the runtime stage's CMD runs that app's entry file.
# `exec` replaces the shell, so node is tini's child and gets its SIGTERM.
CMD ["sh", "-c", "exec node --enable-source-maps \"dist/apps/$SHOPWIRE_APP/src/main.js\""]

# ---- one stage per app: its name and port (the web app realtime serves is in dist/apps/web) ------
# No EXPOSE (documentation only): compose and k8s declare the ports; HEALTH_PORT is the app's port.
FROM runtime AS auth
ENV SHOPWIRE_APP=auth HEALTH_PORT=5000
FROM runtime AS owner
ENV SHOPWIRE_APP=owner HEALTH_PORT=5001
FROM runtime AS customer
ENV SHOPWIRE_APP=customer HEALTH_PORT=5002
FROM runtime AS courier
ENV SHOPWIRE_APP=courier HEALTH_PORT=5003
FROM runtime AS realtime
# Young generation at Node 20's size: Node 24's 64 MB semi-spaces cost ~6 KB of RSS per idle socket
# at 10,000 sockets (docs/benchmarks.md). Same flags as scripts/lib/shopwire-app.mjs APP_NODE_FLAGS.
ENV SHOPWIRE_APP=realtime HEALTH_PORT=5004 NODE_OPTIONS=--max-semi-space-size=16
FROM runtime AS worker
ENV SHOPWIRE_APP=worker HEALTH_PORT=5005
