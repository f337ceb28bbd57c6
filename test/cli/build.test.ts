import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarize } from "../../src/cli/report.ts";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { readBuildEnvironment } from "../../src/pipeline/build-environment.ts";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { findClosedPortUrl } from "../helpers/http-server.ts";
import { ROOT } from "../helpers/site-build.ts";
import { spawnCli, spawnHelperScript, stackLines } from "../helpers/spawn-process.ts";

const NOW = "2017-04-01T10:00:00Z";
const INVALID_CONFIG = {
  title: "Test Planet",
  link: "https://planet.example.org/",
  timezone: "Europe/Berln",
  feeds: [
    { nmae: "Alice", url: "https://alice.example.org/feed.atom" },
    { name: "Bob", url: "bob.rss" },
  ],
};
const INVALID_PROBLEMS = [
  "timezone: not an IANA time zone (e.g. Europe/Berlin, UTC)",
  "feeds[0].name: required",
  'feeds[0]: unknown key "nmae"',
  "feeds[1].url: not a URL",
];

let work: string;
let server: FeedFileServer;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "planet-cli-"));
  server = await serveFeedFiles(join(ROOT, "test/fixtures/site"));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** Writes `config` into the work dir as `<name>.json`, its relative feed URLs pointed at the server. */
async function writeConfig(name: string, config: object): Promise<string> {
  const raw = join(work, `${name}.raw.json`);
  const path = join(work, `${name}.json`);
  await writeFile(raw, JSON.stringify(config));
  await writeServedConfig(raw, server.url, path);
  return path;
}

describe.concurrent("npm run build", () => {
  it("with an invalid config exits 1, lists every problem with its path and builds nothing", async () => {
    const config = join(work, "invalid.json");
    await writeFile(config, JSON.stringify(INVALID_CONFIG));
    const cacheDir = join(work, "invalid-cache");
    const run = await spawnCli("build.ts", {
      PLANET_CONFIG: config,
      PLANET_CACHE_DIR: cacheDir,
      PLANET_NOW: NOW,
    }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${config}: the configuration is invalid; nothing was built.`);
    for (const problem of INVALID_PROBLEMS) expect(run.stderr).toContain(`  ${problem}\n`);
    expect(stackLines(run)).toEqual([]);
    expect(run.stdout).not.toContain("Built");
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("while another build holds the cache lock exits 1 naming the lock, and writes nothing", async () => {
    const config = await writeConfig("locked", {
      title: "Test Planet",
      link: "https://planet.example.org/",
      feeds: [{ name: "Alice", url: "alice.atom" }],
    });
    const cacheDir = join(work, "locked-cache");
    const holder = spawnHelperScript("hold-cache-lock.ts", [cacheDir]);
    try {
      await holder.waitForLine("locked");
      const run = await spawnCli("build.ts", {
        PLANET_CONFIG: config,
        PLANET_CACHE_DIR: cacheDir,
        PLANET_NOW: NOW,
      }).exited;
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `another build holds the cache lock ${join(cacheDir, ".lock")} (process ${holder.child.pid}`,
      );
      expect(run.stderr).toContain("nothing was built.");
      expect(stackLines(run)).toEqual([]);
      expect(run.stdout).not.toContain("Built");
      expect(await readdir(cacheDir)).toEqual([".lock"]);
      expect(server.requests.some((request) => request.path === "/alice.atom")).toBe(false);
    } finally {
      await holder.kill();
    }
  });
});

describe("a build with a feed nobody answers", () => {
  it("completes, keeps the other feeds and reports the failure", async () => {
    const closed = await findClosedPortUrl();
    const config = await writeConfig("closed", {
      title: "Test Planet",
      link: "https://planet.example.org/",
      feeds: [
        { name: "Alice", url: "alice.atom" },
        { name: "Nobody", url: `${closed}/feed.xml` },
      ],
    });
    const env = {
      ...readBuildEnvironment(
        { PLANET_CONFIG: config, PLANET_CACHE_DIR: join(work, "closed-cache"), PLANET_NOW: NOW },
        work,
      ),
      outDir: join(work, "closed-dist"),
    };
    const log: string[] = [];
    const summary = await buildSite(env, (line) => log.push(line));
    expect(summary.sources.map(({ state }) => state.error?.kind ?? null)).toEqual([
      null,
      "network",
    ]);
    expect(log).toContainEqual(
      expect.stringMatching(
        /^Nobody: connection refused \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\)$/,
      ),
    );
    expect(summarize(summary, 1000)).toContain(
      "1 feed(s) failing: Nobody. Their last good posts are kept; see feeds/ and health.json.",
    );
    const health = JSON.parse(await readFile(join(env.outDir, "health.json"), "utf8"));
    expect(health.feeds.map((feed: { ok: boolean }) => feed.ok)).toEqual([true, false]);
    expect(await readFile(join(env.outDir, "index.html"), "utf8")).toContain(
      "Reconstructing Disnix deployments",
    );
  }, 60_000);
});
