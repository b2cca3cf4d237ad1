# syntax=docker/dockerfile:1
# Build stage: compile TypeScript and the native SQLite driver.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: only what runs, as a non-root user, with the SQLite file on a volume.
FROM node:22-bookworm-slim
ENV NODE_ENV=production DATABASE_URL=/data/threadport.db PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json manifest.yml ./
# `threadport doctor` and `threadport jobs` inside the container (docker compose exec threadport threadport doctor).
RUN mkdir -p /data && chown node:node /data \
  && chmod +x dist/src/cli/threadport.js && ln -s /app/dist/src/cli/threadport.js /usr/local/bin/threadport
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz answers in HTTP mode (503 while the database is unreachable); in Socket Mode the process being
# alive is the signal.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(process.env.SLACK_APP_TOKEN?0:1))"
CMD ["node", "dist/src/main.js"]
