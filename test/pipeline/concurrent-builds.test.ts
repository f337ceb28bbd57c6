import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { LOCK_FILE_NAME } from "../../src/store/cache-lock.ts";
import { type FaultPlanet, readPostTitles, startFaultPlanet } from "../helpers/fault-planet.ts";
import { postTitles } from "../helpers/fault-server.ts";
import { spawnCli, waitUntil } from "../helpers/spawn-process.ts";

let planet: FaultPlanet;
beforeAll(async () => {
  planet = await startFaultPlanet(
    [
      { name: "ada", fault: "feed" },
      { name: "hang", fault: "never-answers" },
    ],
    { now: "2017-04-01T10:00:00.000Z", fetch: { timeoutSeconds: 60, deadlineSeconds: 120 } },
  );
});
afterAll(() => planet.close());

it("a second build on the same cache exits 1 naming the lock; the first finishes normally", async () => {
  const envFor = (out: string) => ({
    PLANET_CONFIG: planet.env.configPath,
    PLANET_CACHE_DIR: planet.env.cacheDir,
    PLANET_OUT_DIR: join(planet.work, out),
    PLANET_NOW: "2017-04-01T10:00:00.000Z",
  });
  const lockPath = join(planet.env.cacheDir, LOCK_FILE_NAME);
  const first = spawnCli("build.ts", envFor("first"));
  await waitUntil("the first build holds the lock and waits for the hung host", () => {
    return existsSync(lockPath) && planet.hosts.requests("hang").length === 1;
  });

  const second = await spawnCli("build.ts", envFor("second")).exited;
  expect(second.code).toBe(1);
  expect(second.stderr).toContain(
    `another build holds the cache lock ${lockPath} (process ${first.child.pid}`,
  );
  expect(second.stderr).toContain("nothing was built.");
  expect(second.stdout).toBe("");
  expect(existsSync(join(planet.work, "second"))).toBe(false);

  // Cutting the hung connection lets the first build finish: it fails that feed and goes on.
  await planet.hosts.cut("hang");
  const done = await first.exited;
  expect(done.code).toBe(0);
  expect(done.stdout).toMatch(
    /^Built .*first: 2 posts from 2 sources in [\d.]+ s \(1 ok, 0 not modified, 1 failed\); the site is [\d.]+ MB\.$/m,
  );
  expect(await readPostTitles(join(planet.work, "first"))).toEqual(postTitles("ada", 2));
  expect(existsSync(lockPath)).toBe(false);
}, 120_000);
