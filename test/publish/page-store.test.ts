import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openPageStore } from "../../src/publish/page-store.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-page-store-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const page = new TextEncoder().encode("<h1>Planet</h1>");

it("writes a page once: the site's file is the one kept in the store", async () => {
  const store = await openPageStore(join(dir, "pages"), "renderer-1");
  const site = join(dir, "site");
  await store.write("members/ada/index.html", "key-1", page, join(site, "members/ada/index.html"));
  await store.write("robots.txt", undefined, page, join(site, "robots.txt"));
  const inSite = await stat(join(site, "members/ada/index.html"));
  const inStore = await stat(join(dir, "pages", "members/ada/index.html"));
  expect(inSite.ino).toBe(inStore.ino);
  // A page without a cache key is not kept.
  expect(await readdir(join(dir, "pages"))).toEqual(["members"]);
  expect(await readFile(join(site, "robots.txt"), "utf8")).toBe("<h1>Planet</h1>");
});

it("restores what the same renderer kept for the same key, and nothing else", async () => {
  const first = await openPageStore(join(dir, "pages"), "renderer-1");
  await first.write("index.html", "key-1", page, join(dir, "site-1", "index.html"));
  await first.save();

  const second = await openPageStore(join(dir, "pages"), "renderer-1");
  expect(second.restore("index.html", "key-2", join(dir, "site-2", "index.html"))).toBe(false);
  await expect(stat(join(dir, "site-2", "index.html"))).rejects.toThrow();
  expect(second.restore("index.html", "key-1", join(dir, "site-2", "index.html"))).toBe(true);
  expect(await readFile(join(dir, "site-2", "index.html"), "utf8")).toBe("<h1>Planet</h1>");
  await second.save();

  const other = await openPageStore(join(dir, "pages"), "renderer-2");
  expect(other.restore("index.html", "key-1", join(dir, "site-3", "index.html"))).toBe(false);
});
