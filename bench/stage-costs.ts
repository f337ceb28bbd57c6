// The CPU cost of each step inside "fetch+refresh", one feed after another on one core, from the
// generated files (no network): decode, XML check, parse, sanitize, normalize, cache read, and
// cache writes of changed content (state and content files), a 304's state read and write, and
// the attempt journal that records the 304s, written once.
// Run as a child by bench/run.ts: argv[2] lists the feeds (JSON), argv[3] is the cache dir of
// the cold build, argv[4] where the figures go.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FetchResult } from "../src/model/fetch-result.ts";
import { normalizeFeed } from "../src/normalize/normalize-feed.ts";
import { findXmlError } from "../src/parse/check-xml.ts";
import { decodeBody } from "../src/parse/decode-body.ts";
import { parseFeed } from "../src/parse/parse-feed.ts";
import { refreshState } from "../src/refresh/refresh-record.ts";
import { sanitizeContent } from "../src/sanitize/sanitize-content.ts";
import { describeCacheFile } from "../src/store/cache-files.ts";
import { openFeedCache } from "../src/store/feed-cache.ts";
import type { FeedRecord } from "../src/store/feed-record.ts";
import { readRecord } from "../test/helpers/read-record.ts";
import type { CostedFeed, StageCosts } from "./build-figures.ts";

const [listPath, cacheDir, resultPath] = process.argv.slice(2);
if (listPath && cacheDir && resultPath) {
  const list: CostedFeed[] = JSON.parse(await readFile(listPath, "utf8"));
  await writeFile(resultPath, JSON.stringify(await costStages(list, cacheDir)));
}

/** Runs each step over every feed, timing the steps separately. */
async function costStages(list: CostedFeed[], cacheDir: string): Promise<StageCosts> {
  const ms: Record<string, number> = {};
  const time = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    ms[step] = (ms[step] ?? 0) + performance.now() - started;
    return value;
  };
  // Cache steps wait for the disk (fsync) too; their CPU time (all threads) is told apart.
  const timeWithCpu = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage();
    const value = await time(step, work);
    const used = process.cpuUsage(cpu);
    ms[`${step} (cpu)`] = (ms[`${step} (cpu)`] ?? 0) + (used.user + used.system) / 1000;
    return value;
  };
  const cache = openFeedCache(cacheDir);
  const scratch = openFeedCache(join(cacheDir, "..", "stage-costs-scratch"));
  const now = new Date();
  let posts = 0;
  let bodyBytes = 0;
  const missing: string[] = [];
  for (const feed of list) {
    const body = new Uint8Array(await readFile(feed.file));
    bodyBytes += body.byteLength;
    const text = await time("decode", () => decodeBody(body, feed.contentType));
    if (!feed.contentType.includes("json"))
      await time("xml check (in parse)", () => findXmlError(text));
    const parsed = await time("parse (all)", () => parseFeed(text));
    if (!parsed.ok) throw new Error(`${feed.url}: ${parsed.error.message}`);
    posts += parsed.feed.entries.length;
    await time("sanitize (in normalize)", () => {
      for (const entry of parsed.feed.entries) sanitizeContent(entry.contentHtml ?? "", feed.url);
    });
    const context = { feed: { name: "bench", url: feed.url }, fetchedUrl: feed.url, now };
    await time("normalize (all)", () => normalizeFeed(parsed.feed, { ...context, firstSeen: {} }));
    // A changed feed's read in a build: its state, then the content file it names.
    const stored = await timeWithCpu("cache read", () => readRecord(cache, feed.url));
    // A feed the cold build could not fetch has no posts to cost; say so rather than stop.
    if (stored.record === null || stored.record.posts.length === 0) {
      missing.push(
        `${feed.url}: ${stored.problem ?? stored.record?.error?.message ?? "no record"}`,
      );
      continue;
    }
    const record = stored.record;
    // New to the scratch cache, so both files are written, as for a feed with new posts.
    await timeWithCpu("cache write (new content)", () => scratch.write(record));
    // What a 304 costs a build: its state read, and written back; the content stays on disk.
    const { state } = await timeWithCpu("state read (304)", () => scratch.readState(feed.url));
    if (state === null) throw new Error(`${feed.url}: its state was not read back`);
    const unchanged = refreshState(state, notModified(record), now);
    await timeWithCpu("state write (304)", () => scratch.writeState(unchanged));
  }
  // Those 304s are recorded in the attempt journal, written once for them all.
  await timeWithCpu("attempt journal write (all 304s)", () => scratch.saveAttempts());
  const cacheBytes = await recordBytes(cacheDir);
  return { feeds: list.length, posts, bodyBytes, cacheBytes, missing: missing.slice(0, 10), ms };
}

function notModified(record: FeedRecord): FetchResult {
  const { url, validators } = record;
  return { outcome: "not-modified", url, finalUrl: url, status: 304, validators, redirects: [] };
}

/** The size of every feed's state and content file in the cache. */
async function recordBytes(cacheDir: string): Promise<number> {
  let bytes = 0;
  for (const name of await readdir(cacheDir)) {
    const kind = describeCacheFile(name)?.kind;
    if (kind === "state" || kind === "content") bytes += (await stat(join(cacheDir, name))).size;
  }
  return bytes;
}
