import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildSite } from "../../src/pipeline/build-site.ts";
import { type FixturePlanet, startFixturePlanet } from "../helpers/site-build.ts";

// Most builds of a planet bring nothing new. Such a build must cost the small state files only:
// no cached post read, no page rendered, health.json (this attempt's report) written.

const NOW = "2017-04-01T10:00:00Z";
let planet: FixturePlanet;
let log: string[];

/** A build (at NOW unless told) with its log lines kept in `log`. */
const build = async (now = planet.env.now, offline = false) => {
  log = [];
  return buildSite({ ...planet.env, now, offline }, (line) => log.push(line));
};

/** The mtime and inode of index.html: a page rendered again is a new file. */
const indexFile = async () => {
  const { ino, mtimeMs } = await stat(join(planet.env.outDir, "index.html"));
  return { ino, mtimeMs };
};

beforeAll(async () => {
  planet = await startFixturePlanet("site", NOW, { copyFeeds: true });
  await build();
}, 120_000);
afterAll(() => planet.close());

it("renders nothing for a feed that sends new bytes holding the same posts", async () => {
  const page = await indexFile();
  const feed = join(planet.feedsDir, "bob.rss");
  await writeFile(feed, `${await readFile(feed, "utf8")}\n<!-- regenerated -->\n`);

  const before = planet.server.requests.length;
  await build();

  const bob = planet.server.requests.slice(before).find(({ path }) => path.endsWith("bob.rss"));
  expect(bob?.status).toBe(200);
  expect(await indexFile()).toEqual(page);
  expect(log).toContain("Nothing new since the last build: wrote health.json only.");
}, 120_000);

it("renders again when a file of the last render is gone", async () => {
  await rm(join(planet.env.outDir, "rss.xml"));

  await build();

  expect(log).not.toContain("Nothing new since the last build: wrote health.json only.");
  expect(await readFile(join(planet.env.outDir, "rss.xml"), "utf8")).toContain("<rss");
}, 120_000);

it("reads no cached post when every feed answers 304", async () => {
  const page = await indexFile();
  const contentFiles = (await readdir(planet.env.cacheDir)).filter((name) =>
    name.endsWith(".content.json"),
  );
  expect(contentFiles).toHaveLength(3);
  // Were a cached post read, these would be found damaged and set aside.
  for (const name of contentFiles) await writeFile(join(planet.env.cacheDir, name), "not JSON");

  const summary = await build();

  expect(await indexFile()).toEqual(page);
  expect(summary.posts).toBeGreaterThan(0);
  expect(log).toContain("Nothing new since the last build: wrote health.json only.");
  expect(log.join("\n")).not.toMatch(/corrupt/);
  const after = await readdir(planet.env.cacheDir);
  expect(after.filter((name) => name.endsWith(".content.json")).sort()).toEqual(
    contentFiles.sort(),
  );
  const health = JSON.parse(await readFile(join(planet.env.outDir, "health.json"), "utf8"));
  expect(health.feeds.map((feed: { status: number }) => feed.status)).toEqual([304, 304, 304]);
  expect(health.feeds.map((feed: { items: number }) => feed.items)).toEqual([
    expect.any(Number),
    expect.any(Number),
    expect.any(Number),
  ]);
  expect(health.feeds.every((feed: { items: number }) => feed.items > 0)).toBe(true);
}, 120_000);

it("rewrites no state file when every feed answers 304; the next build reports their attempts", async () => {
  const stateFiles = async () => {
    const names = (await readdir(planet.env.cacheDir)).filter((name) =>
      /^[0-9a-f]{16}\.json$/.test(name),
    );
    const files = names.sort().map(async (name) => {
      const path = join(planet.env.cacheDir, name);
      return { name, bytes: await readFile(path, "utf8"), mtimeMs: (await stat(path)).mtimeMs };
    });
    return Promise.all(files);
  };
  const before = await stateFiles();
  expect(before).toHaveLength(3);
  const later = "2017-04-01T11:00:00.000Z";

  await build(new Date(later));

  expect(await stateFiles()).toEqual(before);
  const offline = await build(new Date("2017-04-01T12:00:00.000Z"), true);
  expect(offline.sources.map((source) => source.state.lastSuccess)).toEqual([later, later, later]);
  const health = JSON.parse(await readFile(join(planet.env.outDir, "health.json"), "utf8"));
  expect(health.feeds.map((feed: { lastSuccess: string }) => feed.lastSuccess)).toEqual([
    later,
    later,
    later,
  ]);
}, 120_000);

it("says so when it ignores a damaged attempt journal", async () => {
  await writeFile(join(planet.env.cacheDir, "attempts.json"), "{ damaged");

  await build(new Date("2017-04-01T13:00:00.000Z"));

  expect(log.filter((line) => line.includes("attempt journal"))).toEqual([
    expect.stringMatching(/^ignored the attempt journal .*attempts\.json, invalid JSON/),
  ]);
}, 120_000);
