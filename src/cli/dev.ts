import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/load-config.ts";
import { errorMessage } from "../model/caught-error.ts";
import { EnvironmentError, readBuildEnvironment } from "../pipeline/build-environment.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { describeSources } from "../refresh/describe-health.ts";
import { loadListings } from "../refresh/load-listings.ts";
import { planetSources } from "../refresh/planet-sources.ts";
import { updateSources } from "../refresh/update-sources.ts";
import { assembleSite } from "../select/assemble-site.ts";
import { handOffSiteData } from "../site/site-data.ts";
import { readArchiveBoundaries } from "../store/archive-boundaries-file.ts";
import { openFeedCache } from "../store/feed-cache.ts";
import { readPostContents } from "../store/read-post-contents.ts";
import { reportFailure } from "./report-failure.ts";

// `npm run dev`: Astro's development server, showing the site as the cache holds it now (what
// the last `npm run build` fetched), without fetching anything. The pages get the site the same
// way a build hands it to them: in memory.
try {
  const flags = devFlags(process.argv.slice(2));
  const env = readBuildEnvironment(process.env, PROJECT_ROOT);
  const config = await loadConfig(env.configPath);
  const cache = openFeedCache(env.cacheDir);
  const sources = planetSources(config, dirname(env.configPath), env.now);
  const log = (line: string) => console.error(line);
  const updated = await updateSources(sources, config, cache, { now: env.now, offline: true });
  const listed = await loadListings(updated, cache, env.cacheDir, log);
  const boundaries = await readArchiveBoundaries(env.cacheDir);
  const { site } = assembleSite(config, listed.sources, listed.contents, env.now, boundaries);
  // The server renders any page on request: every content at hand.
  await readPostContents(site.contents, site.posts);
  if (site.posts.length === 0) {
    log(`No posts in the cache (${env.cacheDir}) yet: run npm run build first to fetch them.`);
  }
  handOffSiteData({ site, health: describeSources(updated, env.now) });
  const link = new URL(config.link);
  const { dev } = await import("astro");
  await dev({ root: PROJECT_ROOT, site: link.origin, base: link.pathname, server: flags });
} catch (error) {
  process.exitCode = reportFailure(error);
}

/** The server flags Astro's own `astro dev` takes that matter here: --port and --host. */
function devFlags(args: string[]): { port?: number; host?: string } {
  try {
    const { values } = parseArgs({
      args,
      options: { port: { type: "string" }, host: { type: "string" } },
    });
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new Error(`--port ${values.port} is not a port number`);
    }
    return {
      ...(port === undefined ? {} : { port }),
      ...(values.host ? { host: values.host } : {}),
    };
  } catch (error) {
    throw new EnvironmentError(
      `${errorMessage(error)}; npm run dev takes --port N and --host ADDRESS`,
    );
  }
}
