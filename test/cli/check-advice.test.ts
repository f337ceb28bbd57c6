import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FaultPlanet, startFaultPlanet } from "../helpers/fault-planet.ts";
import { spawnCli } from "../helpers/spawn-process.ts";

let planet: FaultPlanet;
beforeAll(async () => {
  planet = await startFaultPlanet(
    [
      { name: "ada", fault: "feed" },
      { name: "moved", fault: "moved-301" },
      { name: "page", fault: "html-page" },
      { name: "gone", fault: "gone" },
    ],
    { now: "2017-04-01T10:00:00.000Z" },
  );
});
afterAll(() => planet.close());

it("npm run check prints the advice for hostile hosts, exits 1, and writes nothing", async () => {
  const cacheDir = join(planet.work, "check-cache");
  const outDir = join(planet.work, "check-out");
  const run = await spawnCli("check.ts", {
    PLANET_CONFIG: planet.env.configPath,
    PLANET_CACHE_DIR: cacheDir,
    PLANET_OUT_DIR: outDir,
    PLANET_NOW: "2017-04-01T10:00:00.000Z",
  }).exited;
  const url = (name: string) => planet.urls.get(name) ?? "";
  expect(run.code).toBe(1);
  expect(run.stdout.split("\n").slice(1)).toEqual([
    `✓ ada (${url("ada")}): ok, 2 entries`,
    `✓ moved (${url("moved")}): ok, 2 entries`,
    `    moved permanently to ${url("moved")}feed: update its url in feeds.json`,
    `✗ page (${url("page")}): FAILING: not a feed: looks like an HTML page`,
    `    this is an HTML page; its feed is ${url("page")}feed: put that URL in feeds.json`,
    `✗ gone (${url("gone")}): FAILING: HTTP 410 Gone`,
    "    gone (410): the feed was removed; remove it from feeds.json",
    "2 feed(s) need attention.",
    "",
  ]);
  expect(existsSync(cacheDir)).toBe(false);
  expect(existsSync(outDir)).toBe(false);
}, 60_000);
