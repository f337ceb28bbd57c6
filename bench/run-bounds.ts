// npm run bench:bounds: one cold build of the ordinary member alone, and one with the six
// oversized feeds of test/fixtures/bounds-planet beside it, each in a child process whose time
// and peak memory (the whole process tree) are measured, plus the sizes of what they wrote.
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveFeedFiles } from "../src/demo/serve-feed-files.ts";
import { NOW, writeHostileFeeds } from "../test/fixtures/bounds-planet/hostile-feeds.ts";
import { measureChild } from "./measure-child.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const FIXTURE = join(ROOT, "test/fixtures/bounds-planet");
const BUILD_ONCE = fileURLToPath(new URL("./build-once.ts", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

await mkdir(join(ROOT, ".cache"), { recursive: true });
// Inside the project, as bench/run.ts does: Astro's prerender bundle must find node_modules.
const work = await mkdtemp(join(ROOT, ".cache", "bench-bounds-"));
const feedsDir = join(work, "feeds");
await mkdir(feedsDir);
await copyFile(join(FIXTURE, "ordinary.rss"), join(feedsDir, "ordinary.rss"));
await writeHostileFeeds(feedsDir);
const server = await serveFeedFiles(feedsDir);

const config: { feeds: { url: string }[] } = JSON.parse(
  await readFile(join(FIXTURE, "feeds.json"), "utf8"),
);
const served = config.feeds.map((feed) => ({ ...feed, url: new URL(feed.url, server.url).href }));
const scenarios = { ordinary: served.slice(0, 1), hostile: served };

const sizeOf = (path: string) => stat(path).then((info) => info.size);
const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

try {
  for (const [label, feeds] of Object.entries(scenarios)) {
    for (let run = 1; run <= RUNS; run++) {
      const dir = join(work, `${label}-${run}`);
      await mkdir(dir);
      const configPath = join(dir, "feeds.json");
      await writeFile(configPath, JSON.stringify({ ...config, feeds }, null, 2));
      const measure = await measureChild([BUILD_ONCE, join(dir, "figures.json")], {
        cwd: dir,
        env: {
          ...process.env,
          PLANET_CONFIG: configPath,
          PLANET_CACHE_DIR: join(dir, "cache"),
          PLANET_NOW: NOW,
          BENCH_OUT_DIR: join(dir, "dist"),
          NODE_COMPILE_CACHE: join(work, "node-compile-cache"),
        },
      });
      if (measure.exitCode !== 0) throw new Error(`${label}: ${measure.stderrTail}`);
      const dist = join(dir, "dist");
      const [index, rss, atom] = await Promise.all(
        ["index.html", "rss.xml", "atom.xml"].map((name) => sizeOf(join(dist, name))),
      );
      console.log(
        [
          `${label} #${run}`,
          `${(measure.wallMs / 1000).toFixed(1)} s`,
          `peak ${Math.round(measure.peakTreeRssBytes / 1e6)} MB`,
          `cpu ${(measure.cpuMs / 1000).toFixed(1)} s`,
          `index.html ${kb(index ?? 0)}`,
          `rss.xml ${kb(rss ?? 0)}`,
          `atom.xml ${kb(atom ?? 0)}`,
        ].join(" | "),
      );
    }
  }
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}
