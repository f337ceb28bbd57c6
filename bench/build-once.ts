// One planet build, run as a child process by bench/run.ts so its peak memory is its own.
// It calls the exported stages in the order src/build/build-site.ts does, timing each;
// argv[2] is where the figures go (JSON), BENCH_OUT_DIR where the site is written.
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assembleSite } from "../src/build/assemble-site.ts";
import { readBuildEnvironment } from "../src/build/build-environment.ts";
import { describeHealth } from "../src/build/describe-health.ts";
import { planetSources } from "../src/build/planet-sources.ts";
import { pruneRemovedFeeds } from "../src/build/prune-removed-feeds.ts";
import { updateSources } from "../src/build/update-sources.ts";
import { writeSite } from "../src/build/write-outputs.ts";
import { loadConfig } from "../src/config/load-config.ts";
import { acquireCacheLock } from "../src/store/cache-lock.ts";
import { openFeedCache } from "../src/store/feed-cache.ts";
import type { BuildFigures, StageName } from "./build-figures.ts";

const resultPath = process.argv[2];
const outDir = process.env.BENCH_OUT_DIR;
if (!resultPath || !outDir) throw new Error("usage: BENCH_OUT_DIR=dir build-once.ts result.json");

const root = fileURLToPath(new URL("../", import.meta.url));
const env = { ...readBuildEnvironment(process.env, root), outDir };
const stages: BuildFigures["stages"] = [];
const timed = async <T>(name: StageName, work: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  stages.push({ name, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  return value;
};

const started = performance.now();
const config = await timed("config", () => loadConfig(env.configPath));
await mkdir(env.cacheDir, { recursive: true });
const lock = await acquireCacheLock(env.cacheDir);
const cache = openFeedCache(env.cacheDir);
const sources = planetSources(config, dirname(env.configPath), env.now);
const updated = await timed("fetch+refresh", () =>
  updateSources(sources, config, cache, { now: env.now, offline: env.offline }),
);
const { site, health } = await timed("assemble", () => {
  const healthOf = (kind: "feed" | "events") =>
    updated
      .filter(({ source }) => source.kind === kind)
      .map(({ source, record }) => describeHealth(source.name, record, env.now));
  const assembled = assembleSite(config, updated, env.now);
  return { site: assembled, health: { feeds: healthOf("feed"), events: healthOf("events") } };
});
await timed("write site", () => writeSite({ site, health }, outDir, env.cacheDir, timed));
await timed("prune", () => pruneRemovedFeeds(cache, sources, (line) => console.error(line)));
await lock.release();

const outcomes: Record<string, number> = {};
for (const { outcome } of updated) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
const entries = await readdir(outDir, { recursive: true });
let siteBytes = 0;
for (const entry of entries) {
  const info = await stat(join(outDir, entry));
  if (info.isFile()) siteBytes += info.size;
}
const figures: BuildFigures = {
  wallMs: performance.now() - started,
  stages,
  posts: site.posts.length,
  cachedPosts: updated.reduce((sum, { record }) => sum + record.posts.length, 0),
  pages: entries.filter((entry) => entry.endsWith(".html")).length,
  siteBytes,
  outcomes,
  selfMaxRssBytes: process.resourceUsage().maxRSS * 1024,
};
await writeFile(resultPath, JSON.stringify(figures));
