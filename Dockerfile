# One build of the planet per run: `docker run` it from cron, a systemd timer or a CronJob.
#   docker build -t planet .
#   docker run --rm -v planet-cache:/var/lib/planet -v /var/www/planet:/srv/planet planet
# The feed cache volume keeps each feed's last good copy between runs; /srv/planet receives the
# site. Another config: -v /etc/planet/feeds.json:/config/feeds.json:ro -e PLANET_CONFIG=/config/feeds.json
FROM node:24-slim

# rsync publishes each new site into the output volume in one sweep at the end.
RUN apt-get update \
  && apt-get install -y --no-install-recommends rsync \
  && rm -rf /var/lib/apt/lists/*

ENV PLANET_CACHE_DIR=/var/lib/planet \
    ASTRO_TELEMETRY_DISABLED=1

WORKDIR /app
RUN chown node:node /app && install -d -o node -g node /var/lib/planet /srv/planet
USER node

# Production dependencies only (astro renders the pages at build time, so it is one of them);
# the image's Node.js 24 runs the TypeScript sources, so the `node` devDependency is not needed.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

VOLUME ["/var/lib/planet", "/srv/planet"]

# The build writes dist/ inside /app (swapped in whole); only a successful build is published.
CMD ["sh", "-c", "node src/cli/build.ts && rsync --recursive --times --delete-after --delay-updates --chmod=D755,F644 dist/ /srv/planet/"]
