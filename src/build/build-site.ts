import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { acquireCacheLock } from "../store/cache-lock.ts";
import { openFeedCache } from "../store/feed-cache.ts";
import { assembleSite } from "./assemble-site.ts";
import type { BuildEnvironment } from "./build-environment.ts";
import { describeHealth } from "./describe-health.ts";
import { type ProgressLog, trackFetchProgress } from "./fetch-progress.ts";
import { planetSources } from "./planet-sources.ts";
import { pruneRemovedFeeds } from "./prune-removed-feeds.ts";
import { type UpdatedSource, updateSources } from "./update-sources.ts";
import { writeSite } from "./write-outputs.ts";

/** What a build did, for the summary line. */
export interface BuildSummary {
  sources: UpdatedSource[];
  posts: number;
  outDir: string;
}

/** Progress and problems, one short line each ("progress" lines are replaced by the next). */
export type BuildLog = ProgressLog;

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
    const sources = planetSources(config, dirname(env.configPath), env.now);
    const progress = trackFetchProgress(sources.length, env.offline, log);
    const updated = await updateSources(sources, config, cache, {
      now: env.now,
      offline: env.offline,
      onSourceDone: progress.sourceDone,
    });
    progress.finish();
    const site = assembleSite(config, updated, env.now);
    const healthOf = (kind: "feed" | "events") =>
      updated
        .filter(({ source }) => source.kind === kind)
        .map(({ source, record }) => describeHealth(source.name, record, env.now));
    const health = { feeds: healthOf("feed"), events: healthOf("events") };
    log("Rendering…");
    const written = await writeSite({ site, health }, env.outDir, env.cacheDir);
    if (written === "pages-unchanged") {
      log("Pages unchanged since the last build: wrote the feeds, calendars and reports only.");
    }
    await pruneRemovedFeeds(cache, sources, log);
    return { sources: updated, posts: site.posts.length, outDir: env.outDir };
  } finally {
    await lock.release();
  }
}
