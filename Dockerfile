# The app's production image: the standalone server (`npm run start:prod`) alone, on node:24-slim.
# Build: podman build --format docker -t exist-ownership . (docs/container.md; scripts/container.sh
# builds and checks it). --format docker keeps the HEALTHCHECK, which the OCI format drops.

# Dependencies, dev ones included: the build needs TypeScript, Tailwind and Next's compiler.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# A network that re-signs TLS needs its CA bundle: passed as a build secret (`--secret
# id=ca_bundle,src=...`), so it stays out of the layers; without one, Node's own CAs alone.
RUN --mount=type=secret,id=ca_bundle \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    NODE_EXTRA_CA_CERTS=/run/secrets/ca_bundle npm ci --no-audit --no-fund

# The standalone build, completed and checked by scripts/standalone.ts (`npm run build`).
FROM node:24-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# Turbopack's cache outlives the build on the building machine only (a cache mount, not a layer).
RUN --mount=type=cache,target=/app/.next/cache,sharing=locked npm run build

# The runtime: the standalone folder, owned by root and read-only to the server's user; /data
# (the embedded database) is the one place it writes, so the root file system can be read-only.
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app/.next/standalone ./
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# The server drains its requests on SIGTERM and exits within 15 s: give it that (docker stop -t 15,
# Kubernetes' terminationGracePeriodSeconds of 15 or more).
STOPSIGNAL SIGTERM
# Liveness (/api/health touches neither the database nor Exist); slim has no curl. The first
# start on an empty volume creates the database (about 10 s): the start period covers it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# package.json's start:prod, from inside the standalone folder (scripts/container.sh checks they
# agree): the preload makes every line JSON with LOG_FORMAT=json (scripts/standalone.ts).
CMD ["node", "--import=./json-output.mjs", "--no-wasm-tier-up", "--no-wasm-dynamic-tiering", "server.js"]
