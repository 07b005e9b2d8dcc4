# syntax=docker/dockerfile:1
# One image for the three app services of docker-compose.yml: `web` (Cairn's web server around Next), `worker`
# and the one-shot `migrate` (TypeScript run by tsx, which is a production dependency).
ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency: the build needs the dev ones (TypeScript, Tailwind, PostCSS).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Production dependencies only, for the worker and the scripts.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    CAIRN_DATA_DIR=/data
WORKDIR /app
# Code and dependencies belong to root and are read-only for the app; it writes only to /data
# (attachments, local mail) and Next's cache.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY lib ./lib
COPY server ./server
COPY jobs ./jobs
COPY scripts ./scripts
COPY emails ./emails
COPY drizzle ./drizzle
COPY next.config.ts proxy.ts ./
COPY app ./app
COPY components ./components
# The support widget loader (built by `npm run build`) and the demo host page.
COPY --from=build /app/public ./public
# Not Next's standalone server: scripts/serve-web.ts wraps Next so every request carries the socket's
# address in a header no client can set (the rate limits' client IP, server/auth/client-ip.ts).
COPY --from=build /app/.next ./.next
RUN mkdir -p /data .next/cache && chown node:node /data .next/cache
USER node
EXPOSE 3000
# The web; the worker and migrate services give their own command (docker-compose.yml).
# Compiled by `npm run build` (scripts/server-entry.ts), on plain Node with its heap bound to WEB_HEAP_MIB's
# default; an operator who raises WEB_HEAP_MIB raises this flag with it.
CMD ["node", "--max-old-space-size=160", ".next/cairn/serve-web.mjs", "--port", "3000"]
