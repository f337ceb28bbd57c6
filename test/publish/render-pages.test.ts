import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { renderPages } from "../../src/publish/render-pages.ts";
import { sampleSite } from "../helpers/sample-site.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-render-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it("reports what stopped the render process, and does not wait on it", async () => {
  const site = sampleSite();
  const broken = { ...site, config: { ...site.config, link: "not a URL" } };
  await expect(
    renderPages({ site: broken, health: { feeds: [], events: [] } }, join(dir, "out"), dir),
  ).rejects.toThrow(/Astro could not render the pages: .*Invalid URL/);
}, 60_000);
