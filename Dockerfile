# syntax=docker/dockerfile:1
# One image for api, worker, web and the migrate job; docker-compose.yml picks the command.
#   deps    → npm ci (with the build tools isolated-vm's native addon needs)
#   build   → npm run build (prisma generate, tsc -b, next build: the build npm start runs)
#   runtime → the built tree, run as the non-root `node` user
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
WORKDIR /app

FROM base AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# package-lock.json and the allowScripts map are written by npm 11.
RUN npm install -g npm@11
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/grader/package.json packages/grader/
COPY packages/problems/package.json packages/problems/
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000 4000 4001
CMD ["node", "apps/api/dist/main.js"]
