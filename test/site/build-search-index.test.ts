import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import type { Site } from "../../src/model/site.ts";
import { buildSearchIndex } from "../../src/site/build-search-index.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { member, sampleSite } from "./sample-site.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-search-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Two posts, one per stream page: the front page and page/2/. */
function twoPageSite(): Site {
  const site = sampleSite(
    [member("Ada Example", "https://ada.example/feed")],
    [samplePost("https://ada.example/feed", 1), samplePost("https://ada.example/feed", 2)],
  );
  return { ...site, config: configSchema.parse({ ...site.config, postsPerPage: 1 }) };
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><h1>Planet</h1>${body}</body></html>`;
const postBody = (id: string, text: string) =>
  `<main><div data-pagefind-body><h3 id="${id}"><a href="https://x.example/">${id}</a></h3><p>${text}</p></div></main>`;

async function writePages(siteDir: string, pages: Record<string, string>): Promise<void> {
  for (const [path, html] of Object.entries(pages)) {
    await mkdir(dirname(join(siteDir, path)), { recursive: true });
    await writeFile(join(siteDir, path), html);
  }
}

/** The indexed pages, read back from Pagefind's fragments (gzip, then a signature, then JSON). */
async function indexedPages(siteDir: string): Promise<{ url: string; content: string }[]> {
  const folder = join(siteDir, "pagefind/fragment");
  const pages = [];
  for (const name of await readdir(folder)) {
    const text = gunzipSync(await readFile(join(folder, name))).toString("utf8");
    pages.push(JSON.parse(text.slice(text.indexOf("{"))));
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

const streamPages = {
  "index.html": page(postBody("post-1", "Reconstructing deployments with Disnix.")),
  "page/2/index.html": page(postBody("post-2", "Hydra builds the channel.")),
};

describe("buildSearchIndex", () => {
  it("indexes the posts of the stream pages only and writes the bundle beside them", async () => {
    // A member page marked like a stream page: Pagefind would index it if it were handed over.
    await writePages(dir, {
      ...streamPages,
      "members/ada/index.html": page(postBody("post-1", "Member page copy.")),
      "feeds/index.html": page("<main><p>Feed health</p></main>"),
    });

    await buildSearchIndex(twoPageSite(), dir);

    const indexed = await indexedPages(dir);
    expect(indexed.map((p) => p.url)).toEqual(["/", "/page/2/"]);
    expect(indexed[0]?.content).toContain("Disnix");
    expect((await readFile(join(dir, "pagefind/pagefind.js"), "utf8")).length).toBeGreaterThan(0);
  }, 60_000);

  it("copies the last build's index when the stream pages are the same byte for byte", async () => {
    const previous = join(dir, "previous");
    const next = join(dir, "next");
    await writePages(previous, streamPages);
    await buildSearchIndex(twoPageSite(), previous);
    // Pagefind never writes this file: finding it in the new bundle proves it was copied.
    await writeFile(join(previous, "pagefind/copied.txt"), "from the last build");
    await writePages(next, { ...streamPages, "feeds/index.html": page("<p>Changed</p>") });

    await buildSearchIndex(twoPageSite(), next, previous);

    expect(await readFile(join(next, "pagefind/copied.txt"), "utf8")).toBe("from the last build");
    expect((await indexedPages(next)).map((p) => p.url)).toEqual(["/", "/page/2/"]);
  }, 60_000);

  it("indexes anew when a stream page changed", async () => {
    const previous = join(dir, "previous");
    const next = join(dir, "next");
    await writePages(previous, streamPages);
    await buildSearchIndex(twoPageSite(), previous);
    await writeFile(join(previous, "pagefind/copied.txt"), "from the last build");
    await cp(previous, next, { recursive: true });
    await rm(join(next, "pagefind"), { recursive: true });
    await writePages(next, { "page/2/index.html": page(postBody("post-2", "Nixpkgs overlays.")) });

    await buildSearchIndex(twoPageSite(), next, previous);

    const contents = (await indexedPages(next)).map((p) => p.content).join(" ");
    expect(contents).toContain("overlays");
    expect(contents).not.toContain("Hydra");
    await expect(readFile(join(next, "pagefind/copied.txt"))).rejects.toThrow();
  }, 60_000);

  it("names the stream page that was not rendered", async () => {
    await writePages(dir, { "index.html": streamPages["index.html"] });

    await expect(buildSearchIndex(twoPageSite(), dir)).rejects.toThrow(/page\/2\/index\.html/);
  });
});
