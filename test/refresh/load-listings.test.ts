import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { contentDigestOf } from "../../src/model/post.ts";
import { loadListings } from "../../src/refresh/load-listings.ts";
import { planetSources } from "../../src/refresh/planet-sources.ts";
import type { UpdatedSource } from "../../src/refresh/update-sources.ts";
import { contentFileName, hashContent } from "../../src/store/cache-files.ts";
import { type FeedCache, openFeedCache } from "../../src/store/feed-cache.ts";
import { readPostContents } from "../../src/store/read-post-contents.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";

const ADA = "https://ada.example/feed.xml";
const BOB = "https://bob.example/atom.xml";

let dir: string;
let cache: FeedCache;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-listings-"));
  cache = openFeedCache(dir);
  await cache.write(sampleRecord(ADA, 3));
  await cache.write(sampleRecord(BOB, 2));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The two feeds as a build sees them after an offline refresh: states read, contents on disk. */
async function cachedSources(bobFilter?: object): Promise<UpdatedSource[]> {
  const config = configSchema.parse({
    title: "Test Planet",
    link: "https://planet.example.org/",
    feeds: [
      { name: "Ada", url: ADA },
      { name: "Bob", url: BOB, ...(bobFilter ? { filter: bobFilter } : {}) },
    ],
  });
  const updated: UpdatedSource[] = [];
  for (const source of planetSources(config, dir, new Date("2025-03-01T12:00:00Z"))) {
    const { state, content } = await cache.readState(source.url);
    if (state === null) throw new Error(`no state for ${source.url}`);
    updated.push({ source, state, content, outcome: "cached", cacheProblem: null });
  }
  return updated;
}

const problems: string[] = [];
const log = (line: string) => problems.push(line);
beforeEach(() => {
  problems.length = 0;
});

/** The path of the content file the state of `url` names. */
async function contentPathOf(url: string): Promise<string> {
  const state = (await cache.readState(url)).state;
  if (state?.contentSha256 == null) throw new Error(`no content file for ${url}`);
  return join(dir, contentFileName(url, state.contentSha256));
}

/** Overwrites the content file of `url` with other bytes, as a damaged disk would. */
async function damageContent(url: string): Promise<string> {
  const path = await contentPathOf(url);
  await writeFile(path, "{}\n");
  return path;
}

/** Changes some text in the content file of `url` for text of the same length. */
async function alterContent(url: string, text: string, replacement: string): Promise<string> {
  const path = await contentPathOf(url);
  const before = await readFile(path, "utf8");
  if (!before.includes(text) || text.length !== replacement.length) {
    throw new Error(`cannot replace "${text}" in ${path}`);
  }
  await writeFile(path, before.replace(text, replacement));
  return path;
}

/** What the listings hold: each source's posts and events. */
const listed = ({ sources }: Awaited<ReturnType<typeof loadListings>>) =>
  sources.map(({ posts, events }) => ({ posts, events }));

describe("loadListings", () => {
  it("lists every post with its content's digest, and holds no content it did not need", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sampleRecord(ADA, 3).posts;
    expect(sources[0]?.posts.map((post) => [post.key, post.contentDigest])).toEqual(
      ada.map((post) => [post.key, contentDigestOf(post.contentHtml)]),
    );
    expect(sources[0]?.posts[0]).not.toHaveProperty("contentHtml");
    expect(sources[1]?.posts).toHaveLength(2);
    expect(contents.loaded.size).toBe(0);
    expect(problems).toEqual([]);
  });

  it("keeps one listing per content file, and drops those no source uses any more", async () => {
    await loadListings(await cachedSources(), cache, dir, log);
    const before = await readdir(join(dir, "listings"));
    expect(before).toHaveLength(2);
    await cache.write(sampleRecord(ADA, 4));
    await loadListings(await cachedSources(), cache, dir, log);
    const after = await readdir(join(dir, "listings"));
    expect(after).toHaveLength(2);
    expect(after.filter((name) => before.includes(name))).toHaveLength(1);
  });

  it("lists from the kept listings next time, without opening a content file", async () => {
    const first = await loadListings(await cachedSources(), cache, dir, log);
    await damageContent(ADA);
    const second = await loadListings(await cachedSources(), cache, dir, log);
    expect(listed(second)).toEqual(listed(first));
    expect(problems).toEqual([]);
  });

  it("lists from the content files again when the kept listings are lost", async () => {
    const first = await loadListings(await cachedSources(), cache, dir, log);
    await rm(join(dir, "listings"), { recursive: true });
    const second = await loadListings(await cachedSources(), cache, dir, log);
    expect(listed(second)).toEqual(listed(first));
    expect(await readdir(join(dir, "listings"))).toHaveLength(2);
  });

  it("holds the contents the cache could not keep, so that pages can still show them", async () => {
    const [ada, bob] = await cachedSources();
    if (!ada || !bob) throw new Error("two sources expected");
    const record = sampleRecord(ADA, 3);
    // A fetch whose write failed: the state names no content file; the posts are in memory only.
    const unsaved = { ...ada, state: { ...ada.state, contentSha256: null }, content: record };
    const { sources, contents } = await loadListings([unsaved, bob], cache, dir, log);
    const posts = sources[0]?.posts ?? [];
    expect(posts).toHaveLength(3);
    await readPostContents(contents, posts);
    expect(posts.map((post) => contents.loaded.get(post.key))).toEqual(
      record.posts.map((post) => post.contentHtml),
    );
  });

  it("holds the contents of a feed whose filter looks for words", async () => {
    const { sources, contents } = await loadListings(
      await cachedSources({ keywords: ["Paragraph"] }),
      cache,
      dir,
      log,
    );
    const bob = sources[1]?.posts ?? [];
    expect(bob).toHaveLength(2);
    expect(bob.map((post) => contents.loaded.has(post.key))).toEqual([true, true]);
    expect(sources[0]?.posts.some((post) => contents.loaded.has(post.key))).toBe(false);
  });
});

describe("readPostContents", () => {
  it("reads just the contents asked for, from where the listings say they are", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sources[0]?.posts ?? [];
    // Another post's bytes changed: a reading of the whole file would find it damaged.
    await alterContent(ADA, "Paragraph 1", "Paragraph 7");
    await readPostContents(contents, ada.slice(0, 1));
    expect([...contents.loaded]).toEqual([
      [ada[0]?.key, sampleRecord(ADA, 3).posts[0]?.contentHtml],
    ]);
    expect((await readdir(dir)).filter((name) => name.endsWith(".corrupt"))).toEqual([]);
  });

  it("reads the whole file, with all its posts, where a listed range does not hold the content listed", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sources[0]?.posts ?? [];
    const [first, second] = ada.map((post) => contents.locations.get(post.key));
    if (!first || !second) throw new Error("Ada's posts are not located");
    contents.locations.set(ada[0]?.key ?? "", { ...first, range: second.range });
    await readPostContents(contents, ada.slice(0, 1));
    expect(ada.map((post) => contents.loaded.get(post.key))).toEqual(
      sampleRecord(ADA, 3).posts.map((post) => post.contentHtml),
    );
  });

  it("finds a content file damaged within a listed range, sets it aside and stops", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const path = await alterContent(ADA, "Paragraph 0", "Paragraph 7");
    await expect(readPostContents(contents, sources[0]?.posts.slice(0, 1) ?? [])).rejects.toThrow(
      `${ADA}: corrupt cache file`,
    );
    expect(await readdir(dir)).toContain(`${path.slice(dir.length + 1)}.corrupt`);
    expect((await cache.readState(ADA)).state).toBeNull();
  });

  it("makes again a listing kept before listings said where contents are", async () => {
    const sha = (await cache.readState(ADA)).state?.contentSha256;
    const listingPath = join(dir, "listings", `${sha}.json`);
    const kept = JSON.parse(await readFile(listingPath, "utf8"));
    for (const post of kept.posts) delete post.contentRange;
    await writeFile(listingPath, JSON.stringify(kept));

    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sources[0]?.posts ?? [];
    const ranges = ada.map((post) => contents.locations.get(post.key)?.range);
    expect(ranges).toEqual(ada.map(() => ({ start: expect.any(Number), end: expect.any(Number) })));
    const made = JSON.parse(await readFile(listingPath, "utf8"));
    expect(made.posts.map((post: { contentRange: unknown }) => post.contentRange)).toEqual(ranges);
    await readPostContents(contents, ada.slice(0, 1));
    expect(contents.loaded.size).toBe(1);
  });

  it("reads whole a content file whose bytes its content does not make again", async () => {
    // As if written by a version that laid its files out otherwise.
    const oldPath = await contentPathOf(ADA);
    const bytes = Buffer.from(JSON.stringify(JSON.parse(await readFile(oldPath, "utf8")), null, 1));
    const sha = hashContent(bytes);
    await rm(oldPath);
    await writeFile(join(dir, contentFileName(ADA, sha)), bytes);
    const state = JSON.parse(await readFile(cache.pathFor(ADA), "utf8"));
    await writeFile(cache.pathFor(ADA), JSON.stringify({ ...state, contentSha256: sha }));

    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sources[0]?.posts ?? [];
    expect(ada.map((post) => contents.locations.get(post.key)?.range)).toEqual([null, null, null]);
    await readPostContents(contents, ada.slice(0, 1));
    expect(ada.map((post) => contents.loaded.get(post.key))).toEqual(
      sampleRecord(ADA, 3).posts.map((post) => post.contentHtml),
    );
    expect(problems).toEqual([]);
  });

  it("stops with the feed and the reason when a content file was damaged, and sets it aside", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    await loadListings(await cachedSources(), cache, dir, log);
    const path = await damageContent(ADA);
    await expect(readPostContents(contents, sources[0]?.posts ?? [])).rejects.toThrow(
      `${ADA}: corrupt cache file`,
    );
    expect(await readdir(dir)).toContain(`${path.slice(dir.length + 1)}.corrupt`);
    expect((await cache.readState(ADA)).state).toBeNull();
  });
});
