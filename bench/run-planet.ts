import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildFigures, isBuildFigures } from "./build-figures.ts";
import type { FeedHosts, TrafficCounts } from "./feed-server.ts";
import type { SyntheticFeed } from "./generate-feeds.ts";
import { type ChildMeasure, measureChild } from "./measure-child.ts";

/** One measured planet build. */
export interface PlanetRun {
  label: string;
  figures: BuildFigures;
  /** The site written, measured once the build has exited. */
  site: { pages: number; bytes: number };
  measure: ChildMeasure;
  traffic: TrafficCounts;
  /** When the build was repeated (repeat-build.ts): the fastest and slowest run's wall time. */
  wallRangeMs?: [number, number];
}

/** The label of the changed build that starts without dist/, its cache restored (as in CI). */
export const CI_CHANGED = "changed (CI)";

/** Fetch limits written into the bench planet's feeds.json (null: the project's defaults). */
export interface FetchTuning {
  concurrency: number | null;
  perHost: number | null;
}

const BUILD_ONCE = fileURLToPath(new URL("./build-once.ts", import.meta.url));

/** Writes the bench planet's feeds.json into `work`; returns its path. */
export async function writePlanetConfig(
  work: string,
  feeds: SyntheticFeed[],
  tuning: FetchTuning,
): Promise<string> {
  // The project's default fetch settings, unless the bench was told otherwise.
  const fetch: Record<string, number> = {};
  if (tuning.concurrency !== null) fetch.concurrency = tuning.concurrency;
  if (tuning.perHost !== null) fetch.perHost = tuning.perHost;
  const config = {
    title: "Bench Planet",
    link: "https://planet.example.org/",
    description: "Synthetic members for npm run bench",
    ...(Object.keys(fetch).length > 0 ? { fetch } : {}),
    feeds: feeds.map((feed) => ({ name: feed.name, url: feed.url })),
  };
  const path = join(work, "feeds.json");
  await writeFile(path, JSON.stringify(config, null, 2));
  return path;
}

/** Runs bench/build-once.ts in a child process against the cache and site in `work`. */
export async function runPlanetBuild(
  label: string,
  options: { work: string; configPath: string; now: Date; offline: boolean; hosts: FeedHosts },
): Promise<PlanetRun> {
  const resultPath = join(options.work, `figures-${label.replace(/\W+/g, "-")}.json`);
  options.hosts.takeCounts();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles each build (Node refuses
  // --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const measure = await measureChild([...nodeArgs, BUILD_ONCE, resultPath], {
    // Astro bundles its prerender code into <cwd>/.astro/.prerender/ when the outDir is outside
    // the cwd, shared by every build started there (tests too): with `work` as the cwd, and
    // `work` inside the project, this build's bundle is its own and still finds node_modules.
    cwd: options.work,
    env: {
      ...process.env,
      PLANET_CONFIG: options.configPath,
      PLANET_CACHE_DIR: join(options.work, "cache"),
      PLANET_NOW: options.now.toISOString(),
      PLANET_OFFLINE: options.offline ? "1" : "",
      BENCH_OUT_DIR: join(options.work, "dist"),
      // As `npm run build` does (src/cli/build.ts): the cold build fills it, the others use it.
      NODE_COMPILE_CACHE: join(options.work, "node-compile-cache"),
    },
  });
  const traffic = options.hosts.takeCounts();
  if (measure.exitCode !== 0) {
    throw new Error(`planet ${label} build failed (${measure.exitCode}):\n${measure.stderrTail}`);
  }
  const figures: unknown = JSON.parse(await readFile(resultPath, "utf8"));
  if (!isBuildFigures(figures)) throw new Error(`planet ${label}: unreadable ${resultPath}`);
  return { label, figures, site: await measureSite(join(options.work, "dist")), measure, traffic };
}

/** HTML pages in the site in `dir`, and the bytes of all its files. */
async function measureSite(dir: string): Promise<PlanetRun["site"]> {
  const entries = await readdir(dir, { recursive: true });
  let bytes = 0;
  for (const entry of entries) {
    const info = await stat(join(dir, entry));
    if (info.isFile()) bytes += info.size;
  }
  return { pages: entries.filter((entry) => entry.endsWith(".html")).length, bytes };
}
