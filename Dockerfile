# syntax=docker/dockerfile:1
# One image for the three app services of docker-compose.yml: `web` (Next's standalone server), `worker`
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
ENV NEXT_TELEMETRY_DISABLED=1 CAIRN_BUILD_STANDALONE=true
RUN npm run build

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
COPY --from=build /app/.next/standalone ./web
# The standalone server does not copy the static assets; they go beside it.
COPY --from=build /app/.next/static ./web/.next/static
RUN mkdir -p /data web/.next/cache && chown node:node /data web/.next/cache
USER node
EXPOSE 3000
# The web; the worker and migrate services give their own command (docker-compose.yml).
CMD ["node", "web/server.js"]
