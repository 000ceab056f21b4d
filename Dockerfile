# heatpump-bridge: InfluxDB -> heat pump metrics -> Home Assistant.
#   docker build -t heatpump-bridge .
#   docker run --rm -v ./bridge.yaml:/config/bridge.yaml:ro -e HA_TOKEN=... heatpump-bridge
# Config: a YAML file mounted at /config/bridge.yaml (HEATPUMP_BRIDGE_CONFIG) and/or environment
# variables (docs/CONFIGURATION.md); secrets as files under /run/secrets (token_file, password_file).

# --- build: all dependencies, compile the bridge and the cards bundle (the standalone dashboard serves it)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json rollup.config.mjs ./
COPY scripts/make-bin-executable.mjs scripts/
COPY src src
COPY bridge bridge
COPY cards cards
RUN npm run build && npm prune --omit=dev

# --- runtime: production dependencies and the compiled output only, as the unprivileged `node` user
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HEATPUMP_BRIDGE_CONFIG=/config/bridge.yaml
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/dist dist
# An empty /config so the bridge starts from the environment alone when nothing is mounted.
RUN mkdir -p /config && touch /config/bridge.yaml
USER node
# The standalone dashboard, when enabled (`heatpump-bridge demo` or the dashboard settings).
EXPOSE 8050
# Node as PID 1 gets SIGTERM from `docker stop`; the bridge stops its parts in reverse order.
ENTRYPOINT ["node", "dist/bridge/bin/heatpump-bridge.js"]
CMD ["run"]
