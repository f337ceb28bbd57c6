import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFeedCache, recordFileName } from "../../src/store/feed-cache.ts";
import { feedRecordSchema, fromStoredPost } from "../../src/store/feed-record.ts";
import { samplePost, sampleRecord } from "../helpers/feed-record-sample.ts";
import { spawnHelperScript } from "../helpers/spawn-process.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";
const URL_B = "https://b.example/rss";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("openFeedCache", () => {
  it("reads a missing record as null without a problem", async () => {
    expect(await openFeedCache(join(dir, "not-yet")).read(URL_A)).toEqual({
      record: null,
      problem: null,
    });
  });

  it("round-trips a record with posts; dates come back as the same instants", async () => {
    const cache = openFeedCache(join(dir, "nested", "cache"));
    const record = sampleRecord(URL_A, 3);
    await cache.write(record);
    const { record: read, problem } = await cache.read(URL_A);
    expect(problem).toBeNull();
    expect(read).toEqual(record);
    const posts = read?.posts.map(fromStoredPost) ?? [];
    expect(posts[1]).toEqual(samplePost(URL_A, 1));
    expect(posts[1]?.published).toBeInstanceOf(Date);
    expect(recordFileName(URL_A)).toMatch(/^[0-9a-f]{16}\.json$/);
    expect(await readdir(join(dir, "nested", "cache"))).toEqual([recordFileName(URL_A)]);
  });

  it("refuses to write a record it could not read back", async () => {
    const bad = { ...sampleRecord(URL_A, 0), lastSuccess: "not a date" };
    await expect(openFeedCache(dir).write(bad)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, text.length / 2), /invalid JSON/],
    ["not JSON", () => "\u0000\u0000garbage", /invalid JSON/],
    [
      "wrong shape",
      () => JSON.stringify({ version: 2, url: URL_A }),
      /not a feed record \(version/,
    ],
  ])("reports a %s file, sets it aside, and writes afresh", async (_name, damage, reason) => {
    const cache = openFeedCache(dir);
    await cache.write(sampleRecord(URL_A, 2));
    const path = cache.pathFor(URL_A);
    await writeFile(path, damage(await readFile(path, "utf8")));

    const result = await cache.read(URL_A);
    expect(result.record).toBeNull();
    expect(result.problem).toMatch(new RegExp(`^corrupt cache file ${path}: `));
    expect(result.problem).toMatch(reason);
    expect((await readdir(dir)).sort()).toEqual([`${recordFileName(URL_A)}.corrupt`]);

    await cache.write(sampleRecord(URL_A, 1));
    expect((await cache.read(URL_A)).record?.posts).toHaveLength(1);
  });

  it("prunes exactly the records of URLs not kept", async () => {
    const cache = openFeedCache(dir);
    const urls = [URL_A, URL_B, "https://c.example/atom", "https://d.example/"];
    for (const url of urls) await cache.write(sampleRecord(url, 1));
    await writeFile(join(dir, `${recordFileName("https://d.example/")}.corrupt`), "{");
    const leftover = join(dir, ".x.json.123.abcd.tmp");
    await writeFile(leftover, "half");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(leftover, anHourAgo, anHourAgo);

    const removed = await cache.prune([URL_B, "https://c.example/atom", "https://never.example/"]);
    expect(removed).toEqual(["https://a.example/feed?format=atom&x=ü", "https://d.example/"]);
    expect((await readdir(dir)).sort()).toEqual(
      [recordFileName(URL_B), recordFileName("https://c.example/atom")].sort(),
    );
    expect((await cache.read(URL_B)).record?.url).toBe(URL_B);
    expect(await openFeedCache(join(dir, "missing")).prune([])).toEqual([]);
  });

  it("never shows a torn file, to a reader or after the writer is SIGKILLed", async () => {
    const parsesAll = async (roundDir: string): Promise<boolean[]> => {
      const names = (await readdir(roundDir)).filter((name) => name.endsWith(".json"));
      const texts = await Promise.all(names.map((name) => readFile(join(roundDir, name), "utf8")));
      return texts.map((text) => feedRecordSchema.safeParse(JSON.parse(text)).success);
    };
    for (let round = 0; round < 4; round++) {
      const roundDir = join(dir, `round-${round}`);
      const writer = spawnHelperScript("write-records-loop.ts", [roundDir]);
      try {
        await writer.waitForLine("ready");
        // Readers during the writes must see whole files too; this also spreads the kill moment.
        const killAt = Date.now() + 20 + Math.floor(Math.random() * 200);
        while (Date.now() < killAt) expect(await parsesAll(roundDir)).toEqual([true, true, true]);
      } finally {
        await writer.kill();
      }
      expect(await parsesAll(roundDir)).toEqual([true, true, true]);
    }
  });
});
