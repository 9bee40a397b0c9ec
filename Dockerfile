# syntax=docker/dockerfile:1
# One image definition for the three newsflow services; pick one with `--target ingest|extract|store`
# (docker-compose.yml does). Services run their TypeScript directly on Node 24's type stripping: no build step.
#
#   docker build --target extract -t newsflow/extract .

# Only the package manifests, so the dependency layer below is rebuilt when a package.json changes and not
# when source does (the COPY --from is cached by content).
FROM node:24-slim AS manifests
WORKDIR /app
COPY packages ./packages
COPY services ./services
RUN find packages services -type f ! -name package.json -delete && find packages services -type d -empty -delete

# Production dependencies of every workspace. --omit=dev also leaves out the root `node` devDependency: the
# image's own Node 24 runs the services. npm ci links the workspaces (node_modules/@newsflow/* ->
# ../../packages/*), so their real paths stay outside node_modules, where type stripping is allowed.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=manifests /app ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the service); only the data folders are writable.
COPY --from=deps /app ./
COPY packages ./packages
COPY services ./services
# Writable mount points for the inbox (ingest) and the embedded database (store without DATABASE_URL).
RUN mkdir -p /data /inbox && chown node:node /data /inbox
USER node

# Inside a container the services listen on every interface (their own default is loopback only).
FROM runtime AS ingest
ENV NEWSFLOW_INBOX=/inbox NEWSFLOW_INGEST_HOST=0.0.0.0 NEWSFLOW_INGEST_PORT=8081
EXPOSE 8081
CMD ["node", "services/ingest/src/main.ts"]

FROM runtime AS extract
ENV NEWSFLOW_EXTRACT_HOST=0.0.0.0 NEWSFLOW_EXTRACT_PORT=8082
EXPOSE 8082
CMD ["node", "services/extract/src/main.ts"]

FROM runtime AS store
ENV NEWSFLOW_DATA_DIR=/data NEWSFLOW_API_HOST=0.0.0.0 NEWSFLOW_API_PORT=8080
EXPOSE 8080
CMD ["node", "services/store/src/main.ts"]
