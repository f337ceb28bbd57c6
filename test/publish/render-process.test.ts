import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startRenderProcess } from "../../src/publish/render-process.ts";
import { archivePageFile } from "../../src/site/page-links.ts";
import { adaPost, sampleSite } from "../helpers/sample-site.ts";

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
  const rendering = await render.render({ site: broken, health }, join(dir, "out"));
  const reason = /Astro could not render the pages: .*Invalid URL/;
  await expect(rendering.archive.written("index.html")).rejects.toThrow(reason);
  await expect(rendering.done).rejects.toThrow(reason);
}, 60_000);

it("tells of each archive page as it is written, with what fixes its bytes", async () => {
  const posts = Array.from({ length: 45 }, (_, n) =>
    adaPost(n, { published: new Date(Date.UTC(2025, 1, 28) - n * 86_400_000) }),
  );
  const site = sampleSite({ posts, config: { postsPerPage: 20 } });
  const out = join(dir, "out");
  const render = startRenderProcess(dir, site.config.link);
  const rendering = await render.render({ site, health }, out);
  const archiveFiles = site.archive.map(archivePageFile);
  expect(archiveFiles.length).toBeGreaterThan(1);
  const identities = new Map<string, string | null>();
  for (const file of archiveFiles) {
    identities.set(file, await rendering.archive.written(file));
    // The search index reads it as soon as it hears of it.
    await access(join(out, file));
  }
  const done = await rendering.done;
  for (const file of archiveFiles) {
    expect(identities.get(file)).toBe(`${done.renderer} ${done.cacheKeys[file]}`);
  }
  expect(Object.keys(done.cacheKeys).length).toBeGreaterThan(archiveFiles.length);
  await access(join(out, "members/ada-example/index.html"));
  // Not an archive page: once the render is done, known by its bytes only.
  expect(await rendering.archive.written("members/ada-example/index.html")).toBeNull();
}, 120_000);

it("ends a process that was started ahead and never asked to render", async () => {
  const render = startRenderProcess(dir, sampleSite().config.link);
  // Settles only once the process has ended: a process left running would time the test out.
  await render.stop();
}, 60_000);
