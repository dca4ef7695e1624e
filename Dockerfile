# syntax=docker/dockerfile:1
# One build for the whole monorepo, one small runtime image per app:
#   docker build --target auth -t shopwire/auth:0.1.0 .
# Targets: auth, owner, customer, courier, realtime, worker. See docs/deploy.md.

# ---- build: compile every app and the web app once, then drop dev dependencies ----------------------------
FROM node:22.21.1-bookworm-slim AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false CI=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY apps ./apps
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# ---- runtime: what every app image shares ---------------------------------------------------
FROM node:22.21.1-bookworm-slim AS runtime
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
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

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
