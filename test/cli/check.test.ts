import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { ROOT } from "../helpers/site-build.ts";
import { spawnCli, stackLines } from "../helpers/spawn-process.ts";

const FIXTURE_CONFIG = join(ROOT, "test/fixtures/site/feeds.json");

let work: string;
let server: FeedFileServer;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "planet-check-"));
  server = await serveFeedFiles(join(ROOT, "test/fixtures/site"));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** The fixture planet's config pointed at the server, plus `extraFeeds`. */
async function servedConfig(name: string, extraFeeds: object[] = []): Promise<string> {
  const fixture: { feeds: object[] } = JSON.parse(await readFile(FIXTURE_CONFIG, "utf8"));
  const raw = join(work, `${name}.raw.json`);
  const path = join(work, `${name}.json`);
  await writeFile(raw, JSON.stringify({ ...fixture, feeds: [...fixture.feeds, ...extraFeeds] }));
  await writeServedConfig(raw, server.url, path);
  return path;
}

describe.concurrent("npm run check", () => {
  it("exits 0 when every feed is fine, and writes no cache", async () => {
    const cacheDir = join(work, "fine-cache");
    const run = await spawnCli("check.ts", {
      PLANET_CONFIG: await servedConfig("fine"),
      PLANET_CACHE_DIR: cacheDir,
    }).exited;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: valid, 3 feeds\.\n/);
    expect(run.stdout).toMatch(
      /^✓ Alice \(http:\/\/127\.0\.0\.1:\d+\/alice\.atom\): ok, 2 entries$/m,
    );
    expect(run.stdout).toContain("All feeds are fine.");
    expect(existsSync(cacheDir)).toBe(false);
  });

  it("exits 1 when a feed fails, naming it and what to do", async () => {
    const run = await spawnCli("check.ts", {
      PLANET_CONFIG: await servedConfig("failing", [{ name: "Gone", url: "gone.rss" }]),
      PLANET_CACHE_DIR: join(work, "failing-cache"),
    }).exited;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ Gone \(http:\/\/127\.0\.0\.1:\d+\/gone\.rss\): FAILING: .*404/m);
    expect(run.stdout).toContain("    not found (404): check the URL or remove the feed");
    expect(run.stdout).toContain("1 feed(s) need attention.");
    expect(stackLines(run)).toEqual([]);
  });

  it("exits 1 on an invalid config, listing every problem without a stack trace", async () => {
    const config = join(work, "invalid.json");
    await writeFile(
      config,
      JSON.stringify({
        link: "https://planet.example.org/",
        feeds: [{ name: "A", url: "ftp://a/" }],
        x: 1,
      }),
    );
    const run = await spawnCli("check.ts", { PLANET_CONFIG: config }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${config}: the configuration is invalid; nothing was built.`);
    for (const problem of [
      "title: required",
      "feeds[0].url: not an http(s) URL",
      '(top level): unknown key "x"',
    ]) {
      expect(run.stderr).toContain(`  ${problem}\n`);
    }
    expect(stackLines(run)).toEqual([]);
  });
});
