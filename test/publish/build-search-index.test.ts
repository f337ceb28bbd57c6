import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import type { Post } from "../../src/model/post.ts";
import { contentOf, type Site } from "../../src/model/site.ts";
import { BUNDLE_LIST_FILE, buildSearchIndex } from "../../src/publish/build-search-index.ts";
import { type RenderedPageKeys, writtenAlready } from "../../src/publish/rendered-pages.ts";
import { layOutArchive } from "../../src/select/archive-pages.ts";
import { comparePosts } from "../../src/select/select-posts.ts";
import { archivePageFile, archivePath, SEARCH_DIR } from "../../src/site/page-links.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { sampleMember, sampleSite } from "../helpers/sample-site.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-search-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const FEED = "https://ada.example/feed";

function post(n: number, text: string): Post {
  return {
    ...samplePost(FEED, n),
    key: `post-${n}`,
    published: new Date(Date.UTC(2017, 0, n)),
    contentHtml: `<p>${text}</p>`,
  };
}

/** One post per archive page. */
function site(posts: Post[]): Site {
  const base = sampleSite({
    members: [sampleMember("Ada Example", { feedUrl: FEED })],
    posts: [...posts].sort(comparePosts),
  });
  const config = configSchema.parse({ ...base.config, postsPerPage: 1 });
  return {
    ...base,
    config,
    archive: layOutArchive(base.posts, [], 1, config.timezone).pages,
  };
}

/** Writes each archive page into `siteDir` as the render would, with its posts to index. */
async function renderArchive(s: Site, siteDir: string): Promise<void> {
  for (const page of s.archive) {
    const file = join(siteDir, archivePath(page.slug), "index.html");
    await mkdir(dirname(file), { recursive: true });
    const posts = page.posts.map((p) => `<h3 id="${p.key}">${p.title}</h3>${contentOf(s, p)}`);
    await writeFile(
      file,
      `<!doctype html><html lang="en"><head><title>t</title></head><body><main data-pagefind-body>${posts.join("")}</main></body></html>`,
    );
  }
}

/** The pages an index holds, read back from Pagefind's fragments (gzip, a signature, JSON). */
async function indexedPages(bundle: string): Promise<{ url: string; content: string }[]> {
  const folder = join(bundle, "fragment");
  const pages = [];
  for (const name of await readdir(folder)) {
    const text = gunzipSync(await readFile(join(folder, name))).toString("utf8");
    pages.push(JSON.parse(text.slice(text.indexOf("{"))));
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** Builds the index of `s` into a fresh site folder, as a build would; returns its search dir. */
async function index(
  s: Site,
  name: string,
  store: string,
  pageKeys?: RenderedPageKeys,
): Promise<string> {
  const siteDir = join(dir, name);
  await renderArchive(s, siteDir);
  await buildSearchIndex(s, siteDir, store, pageKeys && writtenAlready(pageKeys));
  return join(siteDir, SEARCH_DIR);
}

/**
 * Marks every stored segment with a file Pagefind never writes: finding it in a site proves the
 * segment was copied.
 */
async function markStoredSegments(store: string): Promise<void> {
  for (const segment of await readdir(store)) {
    await writeFile(join(store, segment, "copied.txt"), segment);
  }
}

/** The search folders of a site that were copied from the store, the root as "". */
async function copiedSegments(search: string): Promise<string[]> {
  const copied = [];
  for (const folder of ["", ...(await segmentsOf(search))]) {
    if ((await readdir(join(search, folder))).includes("copied.txt")) copied.push(folder);
  }
  return copied;
}

const segmentsOf = async (search: string): Promise<string[]> =>
  JSON.parse(await readFile(join(search, BUNDLE_LIST_FILE), "utf8"));

const threePosts = [
  post(1, "Nixpkgs overlays explained."),
  post(2, "Hydra builds the channel."),
  post(3, "Reconstructing deployments with Disnix."),
];

describe("buildSearchIndex", () => {
  it("indexes a segment as soon as its pages are written, while later pages render", async () => {
    const s = site(threePosts);
    const siteDir = join(dir, "site");
    await renderArchive(s, siteDir);
    const store = join(dir, "store");
    const newest = archivePageFile(s.archive.at(-1) as { slug: string });
    const newestWritten = Promise.withResolvers<string | null>();
    const pages = {
      written: (file: string) => (file === newest ? newestWritten.promise : Promise.resolve(null)),
    };
    const indexing = buildSearchIndex(s, siteDir, store, pages);
    const complete = async () => {
      const names = await readdir(store).catch(() => []);
      const done = await Promise.all(
        names.map((name) =>
          readFile(join(store, name, "complete")).then(
            () => true,
            () => false,
          ),
        ),
      );
      return done.filter(Boolean).length;
    };
    // The two sealed pages' segments are indexed while the newest page is still being written.
    while ((await complete()) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await complete()).toBe(2);
    newestWritten.resolve(null);
    await indexing;
    expect(await complete()).toBe(3);
  }, 60_000);

  it("indexes every segment on one lane while no second core is free", async () => {
    const s = site(threePosts);
    const siteDir = join(dir, "site");
    await renderArchive(s, siteDir);
    // A render that never ends: a second lane waiting on it would never start, and must not be
    // needed.
    const never = new Promise<never>(() => undefined);
    await buildSearchIndex(s, siteDir, join(dir, "store"), undefined, never);
    const search = join(siteDir, SEARCH_DIR);
    const folders = ["", ...(await segmentsOf(search))];
    expect(folders).toHaveLength(3);
    const indexed = [];
    for (const folder of folders) indexed.push(...(await indexedPages(join(search, folder))));
    expect(indexed.map((page) => page.content).join(" ")).toContain("Disnix");
  });

  it("indexes the archive pages in segments that the page merges from the first", async () => {
    const search = await index(site(threePosts), "site", join(dir, "store"));

    const segments = await segmentsOf(search);
    // Two sealed pages and the open page: three segments of one page at this size.
    expect(segments).toHaveLength(2);
    const pages = [
      ...(await indexedPages(search)),
      ...(await indexedPages(join(search, segments[0] as string))),
      ...(await indexedPages(join(search, segments[1] as string))),
    ];
    expect(pages.map((p) => p.content).join(" ")).toMatch(/overlays.*Hydra.*Disnix/s);
    expect(pages.map((p) => p.url)).toEqual(
      site(threePosts).archive.map((page) => `/${archivePath(page.slug)}`),
    );
    expect((await readFile(join(search, "pagefind.js"), "utf8")).length).toBeGreaterThan(0);
    // The page searches every segment with the root's script and WebAssembly.
    expect(await readdir(search)).toContain("wasm.en.pagefind");
    for (const segment of segments) {
      const files = await readdir(join(search, segment as string));
      expect(
        files.filter((name) => /\.(js|css)$|^wasm\./.test(name)),
        segment,
      ).toEqual([]);
      expect(files).toContain("pagefind-entry.json");
    }
  }, 60_000);

  it("reuses a segment whose pages are unchanged from the store, even into a new site folder", async () => {
    const store = join(dir, "store");
    await index(site(threePosts), "first", store);
    await markStoredSegments(store);
    const edited = [threePosts[0], threePosts[1], post(3, "Disnix, revised.")] as Post[];

    const search = await index(site(edited), "second", store);

    expect(await readFile(join(search, "copied.txt"), "utf8")).toBeTruthy();
    const [second, newest] = await segmentsOf(search);
    expect(await readdir(join(search, second as string))).toContain("copied.txt");
    expect(await readdir(join(search, newest as string))).not.toContain("copied.txt");
    expect((await indexedPages(join(search, newest as string)))[0]?.content).toContain("revised");
  }, 60_000);

  it("leaves a sealed segment's files byte for byte as they were when a post is added", async () => {
    const store = join(dir, "store");
    const before = await index(site(threePosts), "first", store);
    const after = await index(site([...threePosts, post(4, "Channels.")]), "second", store);

    const [sealed] = await segmentsOf(before);
    expect(await segmentsOf(after)).toContain(sealed);
    for (const name of await readdir(join(before, sealed as string), { recursive: true })) {
      const file = join(sealed as string, name);
      if (!name.includes(".")) continue;
      expect(await readFile(join(after, file)), file).toEqual(await readFile(join(before, file)));
    }
  }, 60_000);

  it("knows a page with a cache key by its key and renderer, not by its bytes", async () => {
    const store = join(dir, "store");
    const s = site(threePosts);
    const files = s.archive.map((page) => `${archivePath(page.slug)}index.html`);
    const keys = (renderer: string, newestKey: string): RenderedPageKeys => ({
      renderer,
      cacheKeys: Object.fromEntries(files.map((file, i) => [file, i === 2 ? newestKey : `k${i}`])),
    });
    await index(s, "first", store, keys("r1", "k2"));
    await markStoredSegments(store);
    // Other bytes under the same keys: a page the renderer would not write, so never read.
    const edited = site([threePosts[0], threePosts[1], post(3, "Disnix, revised.")] as Post[]);

    const sameKeys = await index(edited, "second", store, keys("r1", "k2"));
    const newKey = await index(edited, "third", store, keys("r1", "k2'"));
    await markStoredSegments(store);
    const newRenderer = await index(edited, "fourth", store, keys("r2", "k2'"));

    expect(await copiedSegments(sameKeys)).toEqual(["", ...(await segmentsOf(sameKeys))]);
    const [second, newest] = await segmentsOf(newKey);
    expect(await copiedSegments(newKey)).toEqual(["", second]);
    expect((await indexedPages(join(newKey, newest as string)))[0]?.content).toContain("revised");
    expect(await copiedSegments(newRenderer)).toEqual([]);
  }, 60_000);

  it("removes segments no longer used from the store", async () => {
    const store = join(dir, "store");
    await index(site(threePosts), "first", store);
    const stored = await readdir(store);

    await index(site(threePosts.slice(0, 2)), "second", store);

    const left = await readdir(store);
    expect(left).toHaveLength(2);
    expect(stored).toEqual(expect.arrayContaining(left));
  }, 60_000);

  it("refuses a page path that a glob would read as a pattern, naming it", async () => {
    const s = site(threePosts);
    const odd = { ...s, archive: s.archive.map((page) => ({ ...page, slug: `{${page.slug}}` })) };

    await expect(index(odd, "odd", join(dir, "store"))).rejects.toMatchObject({
      message: expect.stringMatching(/could not index the archive pages archive\/\{2017-01-01\}/),
      cause: { message: expect.stringContaining("is not a plain path") },
    });
  }, 60_000);

  it("writes no index for a planet without posts", async () => {
    const search = await index(site([]), "empty", join(dir, "store"));
    await expect(readdir(search)).rejects.toThrow();
  }, 60_000);
});
