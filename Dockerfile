# syntax=docker/dockerfile:1
# The bot as a container: compiled JavaScript and production dependencies only, run as a non-root user.
# Both stages run scripts/container-steps.sh, which test/release/productionBuild.test.ts also runs
# (there is no Docker engine in CI), so the image's steps are tested without building the image.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN scripts/container-steps.sh build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN scripts/container-steps.sh install
# What the app reads at run time, found from dist/ by src/config/projectPaths.ts.
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
COPY cards ./cards
COPY manifest ./manifest
COPY src/http/public ./src/http/public
USER node
EXPOSE 3978
# Node 20 has fetch built in, and the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/index.js"]
