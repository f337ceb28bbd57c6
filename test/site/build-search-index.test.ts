import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import type { Post } from "../../src/model/post.ts";
import type { Site } from "../../src/model/site.ts";
import { BUNDLE_LIST_FILE, buildSearchIndex } from "../../src/site/build-search-index.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { ADA_FEED, sampleSite } from "../helpers/sample-site.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-search-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function post(n: number, text: string): Post {
  return { ...samplePost(ADA_FEED, n), contentHtml: `<p>${text}</p>` };
}

/** One post per stream page; `postsPerSearchBundle` posts per search bundle. */
function site(posts: Post[], postsPerSearchBundle = 2000): Site {
  const base = sampleSite({ posts });
  return {
    ...base,
    config: configSchema.parse({ ...base.config, postsPerPage: 1, postsPerSearchBundle }),
  };
}

/** The pages a bundle indexed, read back from Pagefind's fragments (gzip, a signature, JSON). */
async function indexedPages(bundle: string): Promise<{ url: string; content: string }[]> {
  const folder = join(bundle, "fragment");
  const pages = [];
  for (const name of await readdir(folder)) {
    const text = gunzipSync(await readFile(join(folder, name))).toString("utf8");
    pages.push(JSON.parse(text.slice(text.indexOf("{"))));
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

const bundleList = async (bundle: string) =>
  JSON.parse(await readFile(join(bundle, BUNDLE_LIST_FILE), "utf8"));

const threePosts = [
  post(3, "Reconstructing deployments with Disnix."),
  post(2, "Hydra builds the channel."),
  post(1, "Nixpkgs overlays explained."),
];

describe("buildSearchIndex", () => {
  it("indexes every stream page's posts into one bundle when they fit", async () => {
    const bundle = join(dir, "pagefind");

    await buildSearchIndex(site(threePosts), bundle);

    const indexed = await indexedPages(bundle);
    expect(indexed.map((p) => p.url)).toEqual(["/", "/page/2/", "/page/3/"]);
    expect(indexed[0]?.content).toContain("Disnix");
    expect(await bundleList(bundle)).toEqual([]);
    expect((await readFile(join(bundle, "pagefind.js"), "utf8")).length).toBeGreaterThan(0);
  }, 60_000);

  it("splits the stream pages into bundles of at most postsPerSearchBundle posts", async () => {
    const bundle = join(dir, "pagefind");

    await buildSearchIndex(site(threePosts, 2), bundle);

    expect(await bundleList(bundle)).toEqual(["part-2/"]);
    expect((await indexedPages(bundle)).map((p) => p.url)).toEqual(["/", "/page/2/"]);
    const second = await indexedPages(join(bundle, "part-2"));
    expect(second.map((p) => [p.url, p.content])).toEqual([
      ["/page/3/", expect.stringContaining("overlays")],
    ]);
    // A bundle of its own: the page merges it with the first.
    expect((await readFile(join(bundle, "part-2/pagefind.js"), "utf8")).length).toBeGreaterThan(0);
  }, 60_000);

  it("names the stream pages of a bundle that could not be indexed", async () => {
    const bundle = join(dir, "pagefind");
    await mkdir(bundle);
    // A file where the second bundle's folder must go.
    await writeFile(join(bundle, "part-2"), "in the way");

    await expect(buildSearchIndex(site(threePosts, 2), bundle)).rejects.toThrow(
      /could not index the stream pages page\/3\/index\.html to page\/3\/index\.html/,
    );
  }, 60_000);

  it("copies each bundle whose pages are unchanged and indexes the others anew", async () => {
    const previous = join(dir, "previous");
    const next = join(dir, "next");
    await buildSearchIndex(site(threePosts, 2), previous);
    // Pagefind never writes these files: finding one in the new bundle proves it was copied.
    await writeFile(join(previous, "copied.txt"), "first bundle, last build");
    await writeFile(join(previous, "part-2/copied.txt"), "second bundle, last build");
    const edited = [threePosts[0], threePosts[1], post(1, "Nixpkgs overlays, revised.")];

    await buildSearchIndex(site(edited as Post[], 2), next, previous);

    expect(await readFile(join(next, "copied.txt"), "utf8")).toBe("first bundle, last build");
    // The first bundle was copied without the other bundles nested in it.
    await expect(readFile(join(next, "part-2/copied.txt"))).rejects.toThrow();
    const second = await indexedPages(join(next, "part-2"));
    expect(second[0]?.content).toContain("revised");
    expect(await bundleList(next)).toEqual(["part-2/"]);
  }, 60_000);

  it("drops bundles the planet no longer needs", async () => {
    const previous = join(dir, "previous");
    const next = join(dir, "next");
    await buildSearchIndex(site(threePosts, 2), previous);

    await buildSearchIndex(site(threePosts.slice(0, 2), 2), next, previous);

    expect(await bundleList(next)).toEqual([]);
    expect(await readdir(next)).not.toContain("part-2");
  }, 60_000);
});
