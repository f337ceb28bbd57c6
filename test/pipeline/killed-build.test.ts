import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { stateFileSchema } from "../../src/store/cache-files.ts";
import { openFeedCache } from "../../src/store/feed-cache.ts";
import {
  type FaultFeed,
  type FaultPlanet,
  readPostTitles,
  startFaultPlanet,
} from "../helpers/fault-planet.ts";
import { postTitles } from "../helpers/fault-server.ts";
import { spawnCli, waitUntil } from "../helpers/spawn-process.ts";

const T0 = "2017-04-01T10:00:00.000Z";
const T1 = "2017-04-01T11:00:00.000Z";
/** Hosts that answer the killed build (with a new post). */
const FAST = ["ada", "ben", "cleo"];
/** Hosts the killed build is still waiting for when it dies. */
const HUNG = ["dev", "eve", "fay"];

let planet: FaultPlanet;
beforeAll(async () => {
  const feeds = [...FAST, ...HUNG].map((name): FaultFeed => ({ name, fault: "feed" }));
  planet = await startFaultPlanet(feeds, {
    now: T0,
    fetch: { timeoutSeconds: 60, deadlineSeconds: 120 },
  });
});
afterAll(() => planet.close());

/** lastAttempt in a feed's state file as it is on disk now, or null. */
async function lastAttemptOnDisk(name: string): Promise<string | null> {
  const path = openFeedCache(planet.env.cacheDir).pathFor(planet.urls.get(name) ?? "");
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  const parsed = stateFileSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data.lastAttempt : null;
}

it("a build SIGKILLed mid-fetch loses nothing: the next build, offline or online, has every post", async () => {
  const complete = await planet.build();
  const lastComplete = await readPostTitles(complete.outDir);
  expect(lastComplete).toHaveLength(12);

  for (const name of FAST) planet.hosts.set(name, "feed-updated");
  for (const name of HUNG) planet.hosts.set(name, "never-answers");
  const killedOut = join(planet.work, "dist-killed");
  const killed = spawnCli("build.ts", {
    PLANET_CONFIG: planet.env.configPath,
    PLANET_CACHE_DIR: planet.env.cacheDir,
    PLANET_OUT_DIR: killedOut,
    PLANET_NOW: T1,
  });
  await waitUntil("the fast feeds are saved while the hung ones are pending", async () => {
    const saved = await Promise.all(FAST.map(lastAttemptOnDisk));
    const pending = HUNG.every((name) => planet.hosts.requests(name).length === 2);
    return pending && saved.every((at) => at === T1);
  });
  killed.child.kill("SIGKILL");
  expect((await killed.exited).signal).toBe("SIGKILL");
  expect(existsSync(killedOut)).toBe(false);

  const offline = await planet.build({ offline: true, now: new Date(T1) });
  const fetchedBeforeTheKill = FAST.map((name) => postTitles(name, 3)[0]);
  expect((await readPostTitles(offline.outDir)).toSorted()).toEqual(
    [...lastComplete, ...fetchedBeforeTheKill].toSorted(),
  );
  expect(planet.log.filter((line) => line.includes("cache"))).toEqual([
    "Reading 6 feeds from the cache (offline)…",
    "Read 6 feeds from the cache.",
  ]);

  for (const name of HUNG) planet.hosts.set(name, "feed");
  const online = await planet.build({ now: new Date(T1) });
  expect((await readPostTitles(online.outDir)).toSorted()).toEqual(
    [...lastComplete, ...fetchedBeforeTheKill].toSorted(),
  );
}, 120_000);
