import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORRUPT_SUFFIX, openFeedCache } from "../../src/store/feed-cache.ts";
import {
  type FaultFeed,
  type FaultPlanet,
  readHealth,
  readPostTitles,
  startFaultPlanet,
} from "../helpers/fault-planet.ts";
import { postTitles } from "../helpers/fault-server.ts";

const NAMES = ["ada", "ben", "cleo"];
const allPosts = (names: string[]) => names.flatMap((name) => postTitles(name, 2)).toSorted();

let planet: FaultPlanet;
beforeAll(async () => {
  const feeds = NAMES.map((name): FaultFeed => ({ name, fault: "feed" }));
  planet = await startFaultPlanet(feeds, { now: "2017-04-01T10:00:00.000Z" });
  await planet.build();
}, 120_000);
afterAll(() => planet.close());

const cachePath = (name: string) =>
  openFeedCache(planet.env.cacheDir).pathFor(planet.urls.get(name) ?? "");

describe("a corrupt cache file", () => {
  it("is reported in the build log, set aside, and its feed fetched afresh; the build is fine", async () => {
    await writeFile(cachePath("ben"), '{"version":1,"url":"http://gar');
    planet.log.length = 0;
    const { outDir } = await planet.build();
    expect(planet.log).toContainEqual(
      expect.stringMatching(/^ben: corrupt cache file .*: invalid JSON .*; kept as .*\.corrupt$/),
    );
    expect(existsSync(`${cachePath("ben")}${CORRUPT_SUFFIX}`)).toBe(true);
    // No validators survived, so ben's feed was fetched in full; the others got a 304.
    const [lastBen] = planet.hosts.requests("ben").slice(-1);
    expect(lastBen?.headers["if-none-match"]).toBeUndefined();
    expect(planet.hosts.requests("ada").at(-1)?.headers["if-none-match"]).toBe('"ada-2"');
    expect((await readHealth(outDir)).get("ben")).toMatchObject({
      ok: true,
      status: 200,
      items: 2,
    });
    expect((await readPostTitles(outDir)).toSorted()).toEqual(allPosts(NAMES));
  }, 120_000);
});

describe("a feed removed from feeds.json", () => {
  it("disappears from the site and health.json, and its cache file is pruned", async () => {
    expect(existsSync(cachePath("cleo"))).toBe(true);
    await planet.writeConfig(["ada", "ben"]);
    planet.log.length = 0;
    const { outDir } = await planet.build();
    expect((await readPostTitles(outDir)).toSorted()).toEqual(allPosts(["ada", "ben"]));
    expect([...(await readHealth(outDir)).keys()]).toEqual(["ada", "ben"]);
    expect(existsSync(cachePath("cleo"))).toBe(false);
    // Its content file went with it.
    const cleoKey = basename(cachePath("cleo")).slice(0, -".json".length);
    expect((await readdir(planet.env.cacheDir)).filter((name) => name.startsWith(cleoKey))).toEqual(
      [],
    );
    expect(existsSync(cachePath("ada"))).toBe(true);
    expect(planet.log).toContain(
      `Removed from the cache, no longer in the config: ${planet.urls.get("cleo")}`,
    );
  }, 120_000);
});
