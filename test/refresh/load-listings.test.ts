import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { contentDigestOf } from "../../src/model/post.ts";
import { loadListings } from "../../src/refresh/load-listings.ts";
import { planetSources } from "../../src/refresh/planet-sources.ts";
import type { UpdatedSource } from "../../src/refresh/update-sources.ts";
import { contentFileName } from "../../src/store/cache-files.ts";
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

/** Overwrites the content file of `url` with other bytes, as a damaged disk would. */
async function damageContent(url: string): Promise<string> {
  const state = (await cache.readState(url)).state;
  if (state?.contentSha256 == null) throw new Error(`no content file for ${url}`);
  const path = join(dir, contentFileName(url, state.contentSha256));
  await writeFile(path, "{}\n");
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
  it("reads the content files of the posts asked for, each with all its posts", async () => {
    const { sources, contents } = await loadListings(await cachedSources(), cache, dir, log);
    const ada = sources[0]?.posts ?? [];
    await readPostContents(contents, ada.slice(0, 1));
    expect([...contents.loaded.keys()].sort()).toEqual(ada.map((post) => post.key).sort());
    expect(contents.loaded.get(ada[1]?.key ?? "")).toBe(sampleRecord(ADA, 3).posts[1]?.contentHtml);
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
