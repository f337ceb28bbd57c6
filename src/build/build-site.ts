import { mkdir } from "node:fs/promises";
import { loadConfig } from "../config/load-config.ts";
import { acquireCacheLock } from "../store/cache-lock.ts";
import { openFeedCache } from "../store/feed-cache.ts";
import { assembleSite } from "./assemble-site.ts";
import type { BuildEnvironment } from "./build-environment.ts";
import { describeHealth } from "./describe-health.ts";
import { type UpdatedFeed, updateFeeds } from "./update-feeds.ts";
import { writeSite } from "./write-outputs.ts";

/** What a build did, for the summary line. */
export interface BuildSummary {
  feeds: UpdatedFeed[];
  posts: number;
  outDir: string;
}

/** Progress and problems, one short line each. */
export type BuildLog = (line: string) => void;

/**
 * config → fetch → parse → normalize → sanitize → store → select → render.
 * Throws only for an invalid configuration or a cache locked by another build.
 */
export async function buildSite(env: BuildEnvironment, log: BuildLog): Promise<BuildSummary> {
  const config = await loadConfig(env.configPath);
  await mkdir(env.cacheDir, { recursive: true });
  const lock = await acquireCacheLock(env.cacheDir);
  try {
    const cache = openFeedCache(env.cacheDir);
    const feeds = await updateFeeds(config, cache, {
      now: env.now,
      offline: env.offline,
      onFeedDone: ({ feed, record, cacheProblem }) => {
        if (cacheProblem) log(`${feed.name}: ${cacheProblem}`);
        if (record.error && !env.offline)
          log(`${feed.name}: ${record.error.message} (${feed.url})`);
      },
    });
    const site = assembleSite(config, feeds, env.now);
    const health = {
      feeds: feeds.map(({ feed, record }) => describeHealth(feed.name, record, env.now)),
      events: [],
    };
    await writeSite({ site, health }, env.outDir, env.cacheDir);
    await cache.prune(config.feeds.map((feed) => feed.url));
    return { feeds, posts: site.posts.length, outDir: env.outDir };
  } finally {
    await lock.release();
  }
}
