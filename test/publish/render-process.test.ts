import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startRenderProcess } from "../../src/publish/render-process.ts";
import { sampleSite } from "../helpers/sample-site.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-render-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const health = { feeds: [], events: [] };

it("reports what stopped the render process, and does not wait on it", async () => {
  const site = sampleSite();
  const broken = { ...site, config: { ...site.config, link: "not a URL" } };
  const render = startRenderProcess(dir, broken.config.link);
  await expect(render.render({ site: broken, health }, join(dir, "out"))).rejects.toThrow(
    /Astro could not render the pages: .*Invalid URL/,
  );
}, 60_000);

it("ends a process that was started ahead and never asked to render", async () => {
  const render = startRenderProcess(dir, sampleSite().config.link);
  // Settles only once the process has ended: a process left running would time the test out.
  await render.stop();
}, 60_000);
