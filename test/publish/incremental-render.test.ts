import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

const NOW = "2017-04-01T10:00:00Z";
const planets: FixturePlanet[] = [];
afterEach(async () => {
  await Promise.all(planets.splice(0).map((planet) => planet.close()));
});

async function planetWithCopiedFeeds(): Promise<FixturePlanet> {
  const planet = await startFixturePlanet("site", NOW, { copyFeeds: true });
  planets.push(planet);
  return planet;
}

/** Bob edits one of his posts (one only he has: a post two members share shows once). */
async function editBobsPost(planet: FixturePlanet): Promise<void> {
  const path = join(planet.feedsDir, "bob.rss");
  const feed = await readFile(path, "utf8");
  await writeFile(path, feed.replace("Release notes are", "The release notes are"));
}

/** Pages, not the reports: health.json and the feeds page tell the two cache histories apart. */
const isPage = (path: string) =>
  path.endsWith(".html") && !path.startsWith("feeds/") && !path.startsWith("pagefind/");

/** Where the render keeps its renderer and the pages it wrote (src/publish/render-pages.ts). */
const renderCache = (planet: FixturePlanet) => join(planet.env.cacheDir, "astro");

it("keeps the renderer for the next build, which renders only the pages whose posts changed", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  const renderers = async () =>
    (await readdir(renderCache(planet))).filter((name) => name.startsWith("renderer-"));
  const [renderer = "", ...others] = await renderers();
  expect(renderer).not.toBe("");
  expect(others).toEqual([]);
  const kept = (file: string) => join(renderCache(planet), renderer, file);
  // A file of our own in the renderer's folder: a renderer built anew would not have it.
  await writeFile(kept("mark.txt"), "kept");
  const built = await readFile(kept("built.json"), "utf8");
  // Mark the stored copies: a page copied from the store shows the mark, a rendered one does not.
  const mark = "<!-- from the cache -->";
  const store = join(renderCache(planet), "pages");
  const stored = [...(await readTree(store)).keys()].sort();
  expect(stored).toContain("members/alice/index.html");
  for (const path of stored) {
    const html = await readFile(join(store, path), "utf8");
    await writeFile(join(store, path), html.replace("</body>", `${mark}</body>`));
  }

  await editBobsPost(planet);
  await planet.build();

  expect(await renderers()).toEqual([renderer]);
  expect(await readFile(kept("mark.txt"), "utf8")).toBe("kept");
  expect(await readFile(kept("built.json"), "utf8")).toBe(built);
  const site = await readTree(planet.env.outDir);
  const renderedAgain = stored.filter((path) => !site.get(path)?.includes(mark));
  expect(renderedAgain).toEqual(["archive/2017-03-14/index.html", "members/bob/index.html"]);
  expect(site.get("members/bob/index.html")).toContain("The release notes are");
}, 120_000);

it("writes the same pages incrementally as a build from an empty cache", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  await editBobsPost(planet);
  await planet.build();
  const fresh = {
    cacheDir: join(planet.work, "fresh-cache"),
    outDir: join(planet.work, "fresh-dist"),
  };
  await planet.build(fresh);
  const incremental = await readTree(planet.env.outDir);
  const whole = await readTree(fresh.outDir);
  const pages = [...whole.keys()].filter(isPage).sort();
  expect([...incremental.keys()].filter(isPage).sort()).toEqual(pages);
  expect(pages).toContain("members/bob/index.html");
  for (const path of pages) expect(incremental.get(path), path).toBe(whole.get(path));
}, 120_000);

/** Bob writes a new post, newer than every other. */
async function addBobsPost(planet: FixturePlanet): Promise<void> {
  const path = join(planet.feedsDir, "bob.rss");
  const feed = await readFile(path, "utf8");
  const item = `<item><title>Nix flakes at last</title><link>https://bob.example.net/2017/03/flakes/</link><pubDate>Thu, 30 Mar 2017 09:00:00 +0000</pubDate><description>A new post.</description></item>`;
  await writeFile(path, feed.replace("<item>", `${item}<item>`));
}

it("leaves every sealed archive page and its search segment byte for byte as they were when a post is added", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  const before = await readTree(planet.env.outDir);
  await addBobsPost(planet);
  await planet.build();
  const after = await readTree(planet.env.outDir);

  // Three posts a page: the oldest three are sealed on the first page; the new one joins the
  // newest page.
  const sealed = "archive/2016-10-26/index.html";
  expect(after.get(sealed)).toBe(before.get(sealed));
  expect(after.get("archive/2017-03-14/index.html")).toContain("Nix flakes at last");
  expect(before.get("archive/2017-03-14/index.html")).not.toContain("Nix flakes at last");
  // The sealed page's segment is the root of the search index; the open page's sits inside it.
  const rootSegment = (tree: Map<string, string>) =>
    [...tree.entries()].filter(
      ([path]) =>
        path.startsWith("pagefind/") &&
        !path.startsWith("pagefind/segment-") &&
        path !== "pagefind/bundles.json",
    );
  expect(rootSegment(before).length).toBeGreaterThan(3);
  expect(rootSegment(after)).toEqual(rootSegment(before));
  const segmentsOf = (tree: Map<string, string>) =>
    JSON.parse(tree.get("pagefind/bundles.json") ?? "");
  expect(segmentsOf(after)).toHaveLength(1);
  expect(segmentsOf(after)).not.toEqual(segmentsOf(before));
}, 120_000);

it("copies unchanged pages and search segments from the cache into a build that starts without the site", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  const kept = await readTree(planet.env.outDir);
  // Marks in the cached copies: found in the new site, they prove it was copied, not made anew.
  const page = "archive/2016-10-26/index.html";
  const cachedPage = join(renderCache(planet), "pages", page);
  const html = await readFile(cachedPage, "utf8");
  await writeFile(cachedPage, html.replace("</body>", "<!-- from the cache --></body>"));
  const segments = join(planet.env.cacheDir, "search");
  for (const segment of await readdir(segments)) {
    await writeFile(join(segments, segment, "from-the-cache.txt"), segment);
  }
  await rm(planet.env.outDir, { recursive: true });

  await planet.build();

  const rebuilt = await readTree(planet.env.outDir);
  expect(rebuilt.get(page)).toContain("<!-- from the cache -->");
  // Both segments are copied, the marked page's too: a page is known by its cache key.
  expect([...rebuilt.keys()].filter((path) => path.endsWith("from-the-cache.txt")).sort()).toEqual([
    "pagefind/from-the-cache.txt",
    expect.stringMatching(/^pagefind\/segment-[0-9a-f]{16}\/from-the-cache\.txt$/),
  ]);
  const made = [...rebuilt.keys()].filter((path) => !path.endsWith("from-the-cache.txt"));
  expect(made.sort()).toEqual([...kept.keys()].sort());
}, 120_000);

it("reads the contents of the pages it renders only: a member none of whose pages change is left on disk", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  const before = await readTree(planet.env.outDir);
  // Carol's posts are on the sealed first archive page and her member page alone. Her content
  // file is damaged now: a build that read it would set it aside and lose her posts.
  const names = await readdir(planet.env.cacheDir);
  const contentFiles = names.filter((name) => name.endsWith(".content.json"));
  let carols = "";
  for (const name of contentFiles) {
    const text = await readFile(join(planet.env.cacheDir, name), "utf8");
    if (text.includes("carol")) carols = join(planet.env.cacheDir, name);
  }
  expect(carols).not.toBe("");
  await writeFile(carols, "{}\n");
  await addBobsPost(planet);
  await planet.build();

  const after = await readTree(planet.env.outDir);
  expect(after.get("index.html")).toContain("Nix flakes at last");
  expect(after.get("members/carol/index.html")).toBe(before.get("members/carol/index.html"));
  expect(await readFile(carols, "utf8")).toBe("{}\n");
}, 120_000);
