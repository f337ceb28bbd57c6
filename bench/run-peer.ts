import { readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FeedHosts, TrafficCounts } from "./feed-server.ts";
import type { SyntheticFeed } from "./generate-feeds.ts";
import { type ChildMeasure, measureChild } from "./measure-child.ts";

/** One measured osmosfeed build. */
export interface PeerRun {
  label: string;
  measure: ChildMeasure;
  traffic: TrafficCounts;
  /** Articles in its cache.json after the build (what its page lists). */
  posts: number;
  /** HTML pages in public/. */
  pages: number;
  /** When the build was repeated (repeat-build.ts): the fastest and slowest run's wall time. */
  wallRangeMs?: [number, number];
}

/** osmosfeed's entry script, found the way Node resolves the package. */
function osmosfeedMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@osmoscraft/osmosfeed/package.json")), "main.js");
}

/** Writes osmosfeed.yaml (sources on the loopback hosts) into `work`, osmosfeed's working dir. */
export async function writePeerConfig(work: string, feeds: SyntheticFeed[]): Promise<void> {
  // cacheMaxDays 30 keeps every synthetic post (all are under 25 days old).
  const lines = ["siteTitle: Bench Planet", "cacheMaxDays: 30", "sources:"];
  for (const feed of feeds) lines.push(`  - href: ${feed.url}`);
  await writeFile(join(work, "osmosfeed.yaml"), `${lines.join("\n")}\n`);
}

/** Runs osmosfeed once in `work` (its cache is work/public/cache.json, kept between runs). */
export async function runPeerBuild(
  label: string,
  options: { work: string; hosts: FeedHosts },
): Promise<PeerRun> {
  options.hosts.takeCounts();
  const measure = await measureChild([osmosfeedMain()], { cwd: options.work, env: process.env });
  const traffic = options.hosts.takeCounts();
  if (measure.exitCode !== 0) {
    throw new Error(`osmosfeed ${label} failed (${measure.exitCode}):\n${measure.stderrTail}`);
  }
  const publicDir = join(options.work, "public");
  const pages = (await readdir(publicDir, { recursive: true })).filter((name) =>
    name.endsWith(".html"),
  ).length;
  return { label, measure, traffic, posts: await countCachedArticles(publicDir), pages };
}

async function countCachedArticles(publicDir: string): Promise<number> {
  const json: unknown = JSON.parse(await readFile(join(publicDir, "cache.json"), "utf8"));
  if (typeof json !== "object" || json === null || !("sources" in json)) return 0;
  const { sources } = json;
  if (!Array.isArray(sources)) return 0;
  let count = 0;
  for (const source of sources) {
    if (typeof source === "object" && source !== null && "articles" in source) {
      const { articles } = source;
      if (Array.isArray(articles)) count += articles.length;
    }
  }
  return count;
}
