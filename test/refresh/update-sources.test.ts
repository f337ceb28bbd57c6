import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { planetSources } from "../../src/refresh/planet-sources.ts";
import { updateSources } from "../../src/refresh/update-sources.ts";
import { openFeedCache } from "../../src/store/feed-cache.ts";

const FEEDS = fileURLToPath(new URL("../fixtures/parse", import.meta.url));
const NOW = new Date("2017-04-01T10:00:00Z");

let server: FeedFileServer;
let cacheDir: string;
beforeAll(async () => {
  server = await serveFeedFiles(FEEDS);
});
afterAll(() => server.close());
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "planet-update-"));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

/** One build's fetch of a Hugo and a Ghost feed, with what it heard, in order. */
async function fetchOnce(): Promise<string[]> {
  const config = configSchema.parse({
    title: "Test Planet",
    link: "https://planet.example.org/",
    feeds: [
      { name: "Hugo", url: `${server.url}hugo-rss.xml` },
      { name: "Ghost", url: `${server.url}ghost-rss.xml` },
    ],
  });
  const heard: string[] = [];
  await updateSources(planetSources(config, cacheDir, NOW), config, openFeedCache(cacheDir), {
    now: NOW,
    offline: false,
    onNewBody: (source) => heard.push(`new body: ${source.name}`),
    onSourceDone: ({ source, outcome }) => heard.push(`done: ${source.name} (${outcome})`),
  });
  return heard;
}

describe("updateSources", () => {
  it("tells of a new body before reading it, and of none for a 304", async () => {
    const first = await fetchOnce();
    for (const name of ["Hugo", "Ghost"]) {
      const told = first.indexOf(`new body: ${name}`);
      expect(told).toBeGreaterThanOrEqual(0);
      expect(first.indexOf(`done: ${name} (ok)`)).toBeGreaterThan(told);
    }
    expect((await fetchOnce()).sort()).toEqual([
      "done: Ghost (not-modified)",
      "done: Hugo (not-modified)",
    ]);
  });
});
