import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CORRUPT_SUFFIX,
  contentFileName,
  hashContent,
  stateFileName,
} from "../../src/store/cache-files.ts";
import { openFeedCache } from "../../src/store/feed-cache.ts";
import { readCachedState } from "../../src/store/read-cached-record.ts";
import { cacheFileNames } from "../helpers/cache-file-names.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";
import { readRecord } from "../helpers/read-record.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";

let dir: string;
let statePath: string;
/** The content file the state written by beforeEach points at. */
let contentPath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-cache-read-"));
  await openFeedCache(dir).write(sampleRecord(URL_A, 2));
  statePath = join(dir, stateFileName(URL_A));
  const { contentSha256 } = JSON.parse(await readFile(statePath, "utf8"));
  contentPath = join(dir, contentFileName(URL_A, contentSha256));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("reading a cached record: its state, then its content file", () => {
  it("reads the state, which names its content file by its hash, then the record", async () => {
    const { state, problem } = await readCachedState(dir, URL_A);
    expect(problem).toBeNull();
    expect(state?.contentSha256).toBe(hashContent(await readFile(contentPath)));
    const read = await readRecord(openFeedCache(dir), URL_A);
    expect(read).toEqual({ record: sampleRecord(URL_A, 2), problem: null });
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, text.length / 2), /invalid JSON/],
    ["not JSON", () => "\u0000\u0000garbage", /invalid JSON/],
    ["of an unknown version", () => JSON.stringify({ version: 3, url: URL_A }), /version/],
    [
      "of another URL",
      (text: string) => text.replace(JSON.stringify(URL_A), '"https://b.example/"'),
      /holds the record of https:\/\/b\.example\//,
    ],
  ])("reports a state file %s and sets it aside", async (_name, damage, reason) => {
    await writeFile(statePath, damage(await readFile(statePath, "utf8")));
    const result = await readRecord(openFeedCache(dir), URL_A);
    expect(result.record).toBeNull();
    expect(result.problem).toMatch(new RegExp(`^corrupt cache file ${statePath}: `));
    expect(result.problem).toMatch(reason);
    expect(result.problem).toMatch(/; kept as .*\.corrupt$/);
    expect(await cacheFileNames(dir)).toEqual(
      [`${stateFileName(URL_A)}${CORRUPT_SUFFIX}`, contentPath.split("/").at(-1)].sort(),
    );
  });

  it.each([
    [
      "changed",
      (text: string) => text.replace("Post 1", "Post 9"),
      /does not match its contentSha256/,
    ],
    ["truncated", (text: string) => text.slice(0, 100), /does not match its contentSha256/],
  ])(
    "reports a %s content file as corrupt, setting both files aside",
    async (_n, damage, reason) => {
      await writeFile(contentPath, damage(await readFile(contentPath, "utf8")));
      const result = await readRecord(openFeedCache(dir), URL_A);
      expect(result.record).toBeNull();
      expect(result.problem).toMatch(
        new RegExp(`^corrupt cache file ${statePath}: its content file ${contentPath} `),
      );
      expect(result.problem).toMatch(reason);
      expect(result.problem).toContain(
        `; kept as ${statePath}${CORRUPT_SUFFIX} and ${contentPath}${CORRUPT_SUFFIX}`,
      );
      expect((await cacheFileNames(dir)).every((name) => name.endsWith(CORRUPT_SUFFIX))).toBe(true);

      // The next build starts afresh and writes a new pair.
      const cache = openFeedCache(dir);
      expect((await readRecord(cache, URL_A)).record).toBeNull();
      await cache.write(sampleRecord(URL_A, 1));
      expect((await readRecord(cache, URL_A)).record?.posts).toHaveLength(1);
    },
  );

  it("reports a missing content file, setting the state aside", async () => {
    await unlink(contentPath);
    const result = await readRecord(openFeedCache(dir), URL_A);
    expect(result.record).toBeNull();
    expect(result.problem).toBe(
      `corrupt cache file ${statePath}: its content file ${contentPath} is missing; kept as ${statePath}${CORRUPT_SUFFIX}`,
    );
  });

  it("reports content that matches its hash but is not feed content", async () => {
    const bytes = Buffer.from(`${JSON.stringify({ posts: [{ title: 1 }], events: [] })}\n`);
    const contentSha256 = hashContent(bytes);
    await writeFile(join(dir, contentFileName(URL_A, contentSha256)), bytes);
    const state = JSON.parse(await readFile(statePath, "utf8"));
    await writeFile(statePath, JSON.stringify({ ...state, contentSha256 }));
    const result = await readRecord(openFeedCache(dir), URL_A);
    expect(result.record).toBeNull();
    expect(result.problem).toMatch(/is not feed content \(posts\.0\.key: /);
  });

  it("reads a version 1 file, also one from before advertisedFeeds and events", async () => {
    const { advertisedFeeds, events, ...older } = { ...sampleRecord(URL_A, 3), version: 1 };
    expect([advertisedFeeds, events]).toEqual([[], []]);
    await writeFile(statePath, JSON.stringify(older));
    const result = await readRecord(openFeedCache(dir), URL_A);
    expect(result).toEqual({ record: sampleRecord(URL_A, 3), problem: null });
  });
});
