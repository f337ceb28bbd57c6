import { afterAll, beforeAll, expect, it } from "vitest";
import { findClosedPortUrl } from "../helpers/http-server.ts";
import { type FixturePlanet, startFixturePlanet } from "../helpers/site-build.ts";
import { type NodeProcess, spawnCli, waitUntil } from "../helpers/spawn-process.ts";

const NOW = "2017-04-01T10:00:00Z";
let planet: FixturePlanet;

beforeAll(async () => {
  planet = await startFixturePlanet("site", NOW);
  await planet.build();
  // The dev server reads the cache alone: nothing it shows may come from the feeds' server.
  await planet.server.close();
}, 120_000);
afterAll(() => planet.close());

const devEnv = () => ({
  PLANET_CONFIG: `${planet.work}/feeds.json`,
  PLANET_CACHE_DIR: planet.env.cacheDir,
  PLANET_NOW: NOW,
});

it("serves the pages of the cached site through Astro's dev server", async () => {
  const origin = await findClosedPortUrl();
  const port = new URL(origin).port;
  const dev: NodeProcess = spawnCli("dev.ts", devEnv(), {
    args: ["--port", port, "--host", "127.0.0.1"],
  });
  try {
    let page = "";
    await waitUntil(
      "the dev server answers",
      async () => {
        const response = await fetch(`${origin}/`).catch(() => null);
        if (response?.status !== 200) return false;
        page = await response.text();
        return true;
      },
      60_000,
    );
    expect(page).toContain("Reconstructing Disnix deployments");
    expect(page.match(/class="h-entry/g)?.length).toBeGreaterThan(0);
    const feedsPage = await fetch(`${origin}/feeds/`);
    expect(feedsPage.status).toBe(200);
    expect(await feedsPage.text()).toContain("Alice");
  } finally {
    await dev.kill();
  }
}, 90_000);

it("refuses a port that is not one, saying which flags it takes", async () => {
  const run = await spawnCli("dev.ts", devEnv(), { args: ["--port", "forty"] }).exited;
  expect(run.code).not.toBe(0);
  expect(run.stdout + run.stderr).toMatch(/--port forty is not a port number.*--port N and --host/);
});
