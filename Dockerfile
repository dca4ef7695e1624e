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

# ---- one stage per app: port, entry file ------------------------------------------------------
FROM runtime AS auth
ENV HEALTH_PORT=5000
EXPOSE 5000
CMD ["node", "--enable-source-maps", "dist/apps/auth/src/main.js"]

FROM runtime AS owner
ENV HEALTH_PORT=5001
EXPOSE 5001
CMD ["node", "--enable-source-maps", "dist/apps/owner/src/main.js"]

FROM runtime AS customer
ENV HEALTH_PORT=5002
EXPOSE 5002
CMD ["node", "--enable-source-maps", "dist/apps/customer/src/main.js"]

FROM runtime AS courier
ENV HEALTH_PORT=5003
EXPOSE 5003
CMD ["node", "--enable-source-maps", "dist/apps/courier/src/main.js"]

FROM runtime AS realtime
# The web app it serves is part of dist/ (dist/apps/web, built by `npm run build`).
ENV HEALTH_PORT=5004
EXPOSE 5004
CMD ["node", "--enable-source-maps", "dist/apps/realtime/src/main.js"]

FROM runtime AS worker
ENV HEALTH_PORT=5005
EXPOSE 5005
CMD ["node", "--enable-source-maps", "dist/apps/worker/src/main.js"]
