import { mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CORRUPT_SUFFIX, stateFileName, stateFileSchema } from "../../src/store/cache-files.ts";
import { openFeedCache } from "../../src/store/feed-cache.ts";
import { pruneCache } from "../../src/store/prune-cache.ts";
import { cacheFileNames } from "../helpers/cache-file-names.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";
import { readRecord } from "../helpers/read-record.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";
const URL_B = "https://b.example/rss";
const URL_C = "https://c.example/atom";
const URL_D = "https://d.example/";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-cache-prune-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The state file and the content file it points at, for `url`. */
async function pairOf(url: string): Promise<string[]> {
  const state = stateFileSchema.parse(
    JSON.parse(await readFile(join(dir, stateFileName(url)), "utf8")),
  );
  const names = await readdir(dir);
  const key = stateFileName(url).slice(0, -".json".length);
  const content = names.filter((name) =>
    name.startsWith(`${key}.${state.contentSha256.slice(0, 16)}`),
  );
  return [stateFileName(url), ...content];
}

describe("pruneCache", () => {
  it("removes both files of every URL not kept, their corrupt leftovers and old temp files", async () => {
    const cache = openFeedCache(dir);
    for (const url of [URL_A, URL_B, URL_C, URL_D]) await cache.write(sampleRecord(url, 1));
    // D's pair was set aside as corrupt by a read.
    for (const name of await pairOf(URL_D)) {
      await rename(join(dir, name), join(dir, `${name}${CORRUPT_SUFFIX}`));
    }
    const leftover = join(dir, ".x.json.123.abcd.tmp");
    const recent = join(dir, ".y.json.123.abcd.tmp");
    await writeFile(leftover, "half");
    await writeFile(recent, "being written");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(leftover, anHourAgo, anHourAgo);
    const others = ["site-data.json", "rendered.json", ".lock"];
    for (const name of others) await writeFile(join(dir, name), "{}");

    const kept = [...(await pairOf(URL_B)), ...(await pairOf(URL_C))];
    const removed = await pruneCache(dir, [URL_B, URL_C, "https://never.example/"]);
    expect(removed).toEqual([URL_A]);
    expect(await cacheFileNames(dir)).toEqual([...kept, ".y.json.123.abcd.tmp", ...others].sort());
    expect((await readRecord(openFeedCache(dir), URL_B)).record?.url).toBe(URL_B);
  });

  it("reports the URL of a version 1 file it removes", async () => {
    await writeFile(
      join(dir, stateFileName(URL_A)),
      JSON.stringify({ ...sampleRecord(URL_A, 1), version: 1 }),
    );
    expect(await pruneCache(dir, [])).toEqual([URL_A]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("removes the content files of a kept URL that its state does not point at", async () => {
    // Two writers that never read: each leaves the content it replaced behind.
    await openFeedCache(dir).write(sampleRecord(URL_A, 1));
    await openFeedCache(dir).write(sampleRecord(URL_A, 2));
    await openFeedCache(dir).write(sampleRecord(URL_B, 1));
    // Content with no state at all: a crash before the first state was written.
    await openFeedCache(dir).write(sampleRecord(URL_C, 1));
    await rm(join(dir, stateFileName(URL_C)));
    expect((await readdir(dir)).filter((name) => name.endsWith(".content.json"))).toHaveLength(4);

    expect(await pruneCache(dir, [URL_A, URL_B, URL_C])).toEqual([]);
    expect(await cacheFileNames(dir)).toEqual(
      [...(await pairOf(URL_A)), ...(await pairOf(URL_B))].sort(),
    );
    expect((await readRecord(openFeedCache(dir), URL_A)).record).toEqual(sampleRecord(URL_A, 2));
  });

  it("finds nothing to prune in a missing directory", async () => {
    expect(await pruneCache(join(dir, "missing"), [])).toEqual([]);
  });
});
