import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { openPublisher } from "../publish/publish-site.ts";
import { describeSources } from "../refresh/describe-health.ts";
import { planetSources } from "../refresh/planet-sources.ts";
import { pruneRemovedFeeds } from "../refresh/prune-removed-feeds.ts";
import { type UpdatedSource, updateSources } from "../refresh/update-sources.ts";
import { readArchiveBoundaries, writeArchiveBoundaries } from "../store/archive-boundaries-file.ts";
import { acquireCacheLock } from "../store/cache-lock.ts";
import { openFeedCache } from "../store/feed-cache.ts";
import type { BuildEnvironment } from "./build-environment.ts";
import { type ProgressLog, trackFetchProgress } from "./fetch-progress.ts";
import { type StageTimer, untimed } from "./stage-timer.ts";

/** What a build did, for the summary line. */
export interface BuildSummary {
  sources: UpdatedSource[];
  posts: number;
  outDir: string;
  /** The size of the site written to outDir. */
  siteBytes: number;
}

/** Progress and problems, one short line each ("progress" lines are replaced by the next). */
export type BuildLog = ProgressLog;

/**
 * config → fetch → parse → normalize → sanitize → store (refresh) → select → publish.
 * Throws only for an invalid configuration or a cache locked by another build.
 */
export async function buildSite(
  env: BuildEnvironment,
  log: BuildLog,
  time: StageTimer = untimed,
): Promise<BuildSummary> {
  const config = await time("config", () => loadConfig(env.configPath));
  await mkdir(env.cacheDir, { recursive: true });
  const lock = await acquireCacheLock(env.cacheDir);
  const publisher = openPublisher({
    config,
    outDir: env.outDir,
    cacheDir: env.cacheDir,
    offline: env.offline,
  });
  try {
    const cache = openFeedCache(env.cacheDir);
    const sources = planetSources(config, dirname(env.configPath), env.now);
    const updated = await time("fetch+refresh", async () => {
      const progress = trackFetchProgress(sources.length, env.offline, log);
      const done = await updateSources(sources, config, cache, {
        now: env.now,
        offline: env.offline,
        onSourceDone: (source) => progress.sourceDone(source),
        // Most likely new posts: the site will be written, and publishing can get ready while
        // the body is read and the other sources are fetched.
        onNewBody: () => publisher.prepare(),
      });
      progress.finish();
      for (const problem of await cache.saveAttempts()) log(problem, "problem");
      return done;
    });
    const health = describeSources(updated, env.now);
    const selectSite = async () => {
      // Loaded here: laying the site out is no cost to a build that finds nothing new.
      const { loadListings } = await import("../refresh/load-listings.ts");
      const { assembleSite } = await import("../select/assemble-site.ts");
      const listed = await time("load", () => loadListings(updated, cache, env.cacheDir, log));
      const boundaries = await readArchiveBoundaries(env.cacheDir);
      const assembled = await time("assemble", () =>
        assembleSite(config, listed.sources, listed.contents, env.now, boundaries),
      );
      // Kept now: the same posts and boundaries lay the pages out the same if publishing fails.
      await writeArchiveBoundaries(env.cacheDir, assembled.archiveBoundaries);
      return assembled;
    };
    const published = await publisher.publish(
      { sources: updated, health, now: env.now },
      selectSite,
      log,
      time,
    );
    await time("prune", () => pruneRemovedFeeds(cache, sources, log));
    return {
      sources: updated,
      posts: published.posts,
      outDir: env.outDir,
      siteBytes: published.bytes,
    };
  } finally {
    await publisher.close();
    await lock.release();
  }
}
