import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { withFilteredCounts } from "../model/source-health.ts";
import { acquireCacheLock } from "../store/cache-lock.ts";
import { openFeedCache } from "../store/feed-cache.ts";
import { announceChangedFeeds } from "../websub/announce-feeds.ts";
import { assembleSite } from "./assemble-site.ts";
import type { BuildEnvironment } from "./build-environment.ts";
import { describeSources } from "./describe-health.ts";
import { type ProgressLog, trackFetchProgress } from "./fetch-progress.ts";
import { loadContents } from "./load-contents.ts";
import { planetSources } from "./planet-sources.ts";
import { pruneRemovedFeeds } from "./prune-removed-feeds.ts";
import { PROJECT_ROOT } from "./render-pages.ts";
import { currentStamp, dropStamp, saveStamp, siteInputs } from "./site-stamp.ts";
import { type StageTimer, untimed } from "./stage-timer.ts";
import { type UpdatedSource, updateSources } from "./update-sources.ts";
import { writeHealthJson } from "./write-health-json.ts";

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
export async function buildSite(
  env: BuildEnvironment,
  log: BuildLog,
  time: StageTimer = untimed,
): Promise<BuildSummary> {
  const config = await time("config", () => loadConfig(env.configPath));
  await mkdir(env.cacheDir, { recursive: true });
  const lock = await acquireCacheLock(env.cacheDir);
  try {
    const cache = openFeedCache(env.cacheDir);
    const sources = planetSources(config, dirname(env.configPath), env.now);
    const updated = await time("fetch+refresh", async () => {
      const progress = trackFetchProgress(sources.length, env.offline, log);
      const done = await updateSources(sources, config, cache, {
        now: env.now,
        offline: env.offline,
        onSourceDone: progress.sourceDone,
      });
      progress.finish();
      return done;
    });
    const health = describeSources(updated, env.now);
    const inputs = await time("fingerprint", () =>
      siteInputs(config, updated, health, PROJECT_ROOT),
    );
    const stamp = await currentStamp(env.cacheDir, env.outDir, inputs, env.now);
    let posts: number;
    if (stamp !== null) {
      const counted = withFilteredCounts(health, stamp.filtered);
      await time("feeds", () => writeHealthJson(env.outDir, env.now, counted));
      log("Nothing new since the last build: wrote health.json only.");
      posts = stamp.posts;
    } else {
      const loaded = await time("load", () => loadContents(updated, cache, log));
      const { site, changesAt, filtered } = await time("assemble", () =>
        assembleSite(config, loaded, env.now),
      );
      log("Rendering…");
      // Loaded here: the renderers of pages, feeds and calendars are no cost to a build that
      // renders nothing.
      const { writeSite } = await import("./write-outputs.ts");
      await dropStamp(env.cacheDir);
      await time("write site", () =>
        writeSite(
          { site, health: withFilteredCounts(health, filtered) },
          env.outDir,
          env.cacheDir,
          time,
        ),
      );
      // Offline builds reach nothing; the hub hears of these feeds after the next online one.
      if (!env.offline) {
        await announceChangedFeeds(site, env.outDir, env.cacheDir, log);
      }
      if (inputs !== null) {
        await saveStamp(env.cacheDir, {
          outDir: env.outDir,
          inputs,
          renderedAt: env.now.toISOString(),
          changesAt: changesAt?.toISOString() ?? null,
          posts: site.posts.length,
          filtered,
        });
      }
      posts = site.posts.length;
    }
    await time("prune", () => pruneRemovedFeeds(cache, sources, log));
    return { sources: updated, posts, outDir: env.outDir };
  } finally {
    await lock.release();
  }
}
