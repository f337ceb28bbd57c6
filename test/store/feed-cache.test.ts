import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FetchResult } from "../../src/model/fetch-result.ts";
import { bringsNewBody, refreshState } from "../../src/refresh/refresh-record.ts";
import {
  contentFileName,
  hashContent,
  stateFileName,
  stateFileSchema,
} from "../../src/store/cache-files.ts";
import { type FeedCache, openFeedCache } from "../../src/store/feed-cache.ts";
import {
  fromStoredPost,
  hashBody,
  recordOf,
  type SourceState,
  toStoredPost,
} from "../../src/store/feed-record.ts";
import { cacheFileNames } from "../helpers/cache-file-names.ts";
import { samplePost, sampleRecord } from "../helpers/feed-record-sample.ts";
import { readRecord } from "../helpers/read-record.ts";
import { spawnHelperScript } from "../helpers/spawn-process.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The names of the content files in `dir`. */
async function contentFiles(inDir = dir): Promise<string[]> {
  return (await readdir(inDir)).filter((name) => name.endsWith(".content.json")).sort();
}

const SAME_BODY = new TextEncoder().encode("<rss/>");

const notModified = (url: string): FetchResult => ({
  ...{ outcome: "not-modified", url, finalUrl: url, status: 304, redirects: [] },
  validators: { etag: '"abc"', lastModified: null },
});

const sameBodyAgain = (url: string): FetchResult => ({
  ...{ outcome: "ok", url, finalUrl: url, status: 200, redirects: [] },
  ...{ body: SAME_BODY, contentType: "application/rss+xml" },
  validators: { etag: '"abc"', lastModified: null },
});

const serverError = (url: string): FetchResult => ({
  ...{ outcome: "failed", url, finalUrl: url, status: 503, redirects: [] },
  ...{ error: { kind: "http", message: "HTTP 503" }, retryAfter: null },
});

describe("openFeedCache", () => {
  it("reads a missing record as null without a problem", async () => {
    expect(await readRecord(openFeedCache(join(dir, "not-yet")), URL_A)).toEqual({
      record: null,
      problem: null,
    });
  });

  it("round-trips a record as a small state file and a content file named by its hash", async () => {
    const cacheDir = join(dir, "nested", "cache");
    const cache = openFeedCache(cacheDir);
    const record = sampleRecord(URL_A, 3);
    await cache.write(record);
    const { record: read, problem } = await readRecord(openFeedCache(cacheDir), URL_A);
    expect(problem).toBeNull();
    expect(read).toEqual(record);
    const posts = read?.posts.map(fromStoredPost) ?? [];
    expect(posts[1]).toEqual(samplePost(URL_A, 1));
    expect(posts[1]?.published).toBeInstanceOf(Date);

    expect(cache.pathFor(URL_A)).toBe(join(cacheDir, stateFileName(URL_A)));
    const state = JSON.parse(await readFile(cache.pathFor(URL_A), "utf8"));
    expect(state).not.toHaveProperty("posts");
    expect(state).not.toHaveProperty("events");
    const contentBytes = await readFile(
      join(cacheDir, contentFileName(URL_A, state.contentSha256)),
    );
    expect(hashContent(contentBytes)).toBe(state.contentSha256);
    expect(JSON.parse(contentBytes.toString("utf8")).posts).toEqual(record.posts);
    expect((await readdir(cacheDir)).sort()).toEqual(
      [stateFileName(URL_A), contentFileName(URL_A, state.contentSha256), "listings"].sort(),
    );
    // With the content file, the listing of its posts (store/post-listings.ts).
    expect(await readdir(join(cacheDir, "listings"))).toEqual([`${state.contentSha256}.json`]);
  });

  it.each([
    ["a 304", notModified],
    ["a 200 with the same body", sameBodyAgain],
    ["a failure", serverError],
  ])(
    "after %s, rewrites the state file only; the content file is untouched",
    async (_name, result) => {
      const sameBody = { ...sampleRecord(URL_A, 20), bodyHash: hashBody(SAME_BODY) };
      await openFeedCache(dir).write(sameBody);
      const [contentName] = await contentFiles();
      const contentPath = join(dir, contentName ?? "");
      const before = await readFile(contentPath);
      const longAgo = new Date("2020-01-01T00:00:00Z");
      await utimes(contentPath, longAgo, longAgo);

      // As a build does: a new process reads the state, finds no new body to read, and writes
      // the state back.
      const cache = openFeedCache(dir);
      const { state } = await cache.readState(URL_A);
      if (state === null) throw new Error("the state was not read back");
      const fetched = result(URL_A);
      expect(bringsNewBody(fetched, state.bodyHash)).toBe(false);
      const next = refreshState(state, fetched, new Date("2025-03-01T13:00:00Z"));
      await cache.writeState(next);

      expect(await contentFiles()).toEqual([contentName]);
      expect(await readFile(contentPath)).toEqual(before);
      expect((await stat(contentPath)).mtime).toEqual(longAgo);
      const saved = stateFileSchema.parse(JSON.parse(await readFile(cache.pathFor(URL_A), "utf8")));
      expect(saved.lastAttempt).toBe(next.lastAttempt);
      expect(saved.history).toHaveLength(2);
      expect((await readRecord(openFeedCache(dir), URL_A)).record).toEqual(
        recordOf(next, { posts: sameBody.posts, events: sameBody.events }),
      );
    },
  );

  it("writes changed posts to a new content file and removes the old one", async () => {
    const cache = openFeedCache(dir);
    await cache.write(sampleRecord(URL_A, 2));
    const [oldContent] = await contentFiles();
    const previous = (await readRecord(cache, URL_A)).record;
    if (previous === null) throw new Error("the record was not read back");
    const changed = { ...previous, posts: [toStoredPost(samplePost(URL_A, 7)), ...previous.posts] };
    await cache.write(changed);

    const [newContent, ...others] = await contentFiles();
    expect(others).toEqual([]);
    expect(newContent).not.toBe(oldContent);
    expect((await readRecord(openFeedCache(dir), URL_A)).record?.posts).toHaveLength(3);
  });

  it.each([
    ["in the process that wrote them", (cache: FeedCache) => cache],
    [
      "in a later build that read the state",
      async () => {
        const cache = openFeedCache(dir);
        await cache.readState(URL_A);
        return cache;
      },
    ],
  ])(
    "rewrites nothing but the state when a record holds the same posts again, %s",
    async (_when, next) => {
      const first = openFeedCache(dir);
      await first.write(sampleRecord(URL_A, 2));
      const [contentName] = await contentFiles();
      const contentPath = join(dir, contentName ?? "");
      const longAgo = new Date("2020-01-01T00:00:00Z");
      await utimes(contentPath, longAgo, longAgo);
      const cache = await next(first);
      await cache.write({ ...sampleRecord(URL_A, 2), lastAttempt: "2025-03-02T12:00:00.000Z" });
      expect(await contentFiles()).toEqual([contentName]);
      expect((await stat(contentPath)).mtime).toEqual(longAgo);
      expect((await readRecord(cache, URL_A)).record?.lastAttempt).toBe("2025-03-02T12:00:00.000Z");
    },
  );

  it.each([
    ["state", { lastSuccess: "not a date" }],
    ["content", { posts: [{ ...toStoredPost(samplePost(URL_A, 1)), firstSeen: "soon" }] }],
  ])("refuses to write a record whose %s it could not read back", async (_part, damage) => {
    const bad = { ...sampleRecord(URL_A, 0), ...damage };
    await expect(openFeedCache(dir).write(bad)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("reads a version 1 file and replaces it by a state and content pair on the next write", async () => {
    const v1 = { ...sampleRecord(URL_A, 4), version: 1 };
    const cache = openFeedCache(dir);
    await writeFile(cache.pathFor(URL_A), `${JSON.stringify(v1)}\n`);

    const { record: read, problem } = await readRecord(cache, URL_A);
    expect(problem).toBeNull();
    expect(read).toEqual(sampleRecord(URL_A, 4));
    if (read === null) throw new Error("the version 1 record was not read");
    const next = { ...read, posts: [toStoredPost(samplePost(URL_A, 9)), ...read.posts] };
    await cache.write(next);

    const state = stateFileSchema.parse(JSON.parse(await readFile(cache.pathFor(URL_A), "utf8")));
    expect(state.version).toBe(2);
    expect(await contentFiles()).toEqual([contentFileName(URL_A, state.contentSha256)]);
    expect((await readRecord(openFeedCache(dir), URL_A)).record).toEqual(next);
  });

  it("never leaves an unreadable record, to a reader or after the writer is SIGKILLed", async () => {
    const urls = ["https://a.example/feed", "https://b.example/rss", "https://c.example/atom.xml"];
    /** Every state file parses, and every content file still there holds the bytes it is named by. */
    const filesAreWhole = async (roundDir: string): Promise<boolean> => {
      const names = await readdir(roundDir);
      const states = names.filter((name) => /^[0-9a-f]{16}\.json$/.test(name));
      if (states.length !== urls.length) return false;
      for (const name of states) {
        const text = await readFile(join(roundDir, name), "utf8");
        if (!stateFileSchema.safeParse(JSON.parse(text)).success) return false;
      }
      for (const name of await contentFiles(roundDir)) {
        const bytes = await readFile(join(roundDir, name)).catch(() => null);
        if (bytes !== null && !name.includes(`.${hashContent(bytes).slice(0, 16)}.`)) return false;
      }
      return true;
    };
    for (let round = 0; round < 4; round++) {
      const roundDir = join(dir, `round-${round}`);
      const writer = spawnHelperScript("write-records-loop.ts", [roundDir]);
      try {
        await writer.waitForLine("ready");
        // Looking during the writes also spreads the kill moment.
        const killAt = Date.now() + 20 + Math.floor(Math.random() * 200);
        while (Date.now() < killAt) expect(await filesAreWhole(roundDir)).toBe(true);
      } finally {
        await writer.kill();
      }
      const cache = openFeedCache(roundDir);
      for (const url of urls) {
        const { record, problem } = await readRecord(cache, url);
        expect(problem).toBeNull();
        expect(record?.posts.length).toBeGreaterThanOrEqual(50);
      }
    }
  });
});

describe("a source's state read and written alone", () => {
  /** The state read back, or a failed test. */
  async function stateOf(cache: ReturnType<typeof openFeedCache>): Promise<SourceState> {
    const { state, problem } = await cache.readState(URL_A);
    expect(problem).toBeNull();
    if (state === null) throw new Error("the state was not read back");
    return state;
  }

  it("summarizes the content in the state, so a 304 needs neither read nor write of the posts", async () => {
    await openFeedCache(dir).write(sampleRecord(URL_A, 3));
    const [contentName] = await contentFiles();
    const contentPath = join(dir, contentName ?? "");
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await utimes(contentPath, longAgo, longAgo);

    const cache = openFeedCache(dir);
    const read = await cache.readState(URL_A);
    expect(read.content).toBeNull();
    const state = await stateOf(cache);
    expect(state.summary).toEqual({ items: 3, newestItem: "2025-01-03T09:30:15.123Z" });
    const next = refreshState(state, notModified(URL_A), new Date("2025-03-02T12:00:00Z"));
    await cache.writeState(next);

    expect(await contentFiles()).toEqual([contentName]);
    expect((await stat(contentPath)).mtime).toEqual(longAgo);
    const again = await stateOf(openFeedCache(dir));
    expect(again).toEqual(next);
    const { record } = await readRecord(openFeedCache(dir), URL_A);
    expect(record).toEqual(recordOf(next, { posts: sampleRecord(URL_A, 3).posts, events: [] }));
  });

  it("leaves a damaged content file to readContent, which reports it and sets both files aside", async () => {
    await openFeedCache(dir).write(sampleRecord(URL_A, 2));
    const [contentName] = await contentFiles();
    await writeFile(join(dir, contentName ?? ""), "{ not what was written");

    const cache = openFeedCache(dir);
    const state = await stateOf(cache);
    const { content, problem } = await cache.readContent(state);
    expect(content).toBeNull();
    expect(problem).toMatch(/does not match its contentSha256/);
    expect((await cacheFileNames(dir)).every((name) => name.endsWith(".corrupt"))).toBe(true);
    expect((await openFeedCache(dir).readState(URL_A)).state).toBeNull();
  });

  it("summarizes a state written before summaries were kept from its content", async () => {
    const cache = openFeedCache(dir);
    await cache.write(sampleRecord(URL_A, 4));
    const { summary: _summary, ...older } = JSON.parse(
      await readFile(cache.pathFor(URL_A), "utf8"),
    );
    await writeFile(cache.pathFor(URL_A), JSON.stringify(older));

    const read = await openFeedCache(dir).readState(URL_A);
    expect(read.state?.summary.items).toBe(4);
    expect(read.content?.posts).toEqual(sampleRecord(URL_A, 4).posts);
  });

  it("moves the posts of a version 1 file to a content file when its state is written back", async () => {
    const cache = openFeedCache(dir);
    await writeFile(
      cache.pathFor(URL_A),
      JSON.stringify({ ...sampleRecord(URL_A, 2), version: 1 }),
    );
    const state = await stateOf(cache);
    expect(state.contentSha256).toBeNull();
    await cache.writeState(
      refreshState(state, notModified(URL_A), new Date("2025-03-02T12:00:00Z")),
    );

    const saved = stateFileSchema.parse(JSON.parse(await readFile(cache.pathFor(URL_A), "utf8")));
    expect(await contentFiles()).toEqual([contentFileName(URL_A, saved.contentSha256)]);
    expect((await readRecord(openFeedCache(dir), URL_A)).record?.posts).toEqual(
      sampleRecord(URL_A, 2).posts,
    );
  });
});
