// The CPU cost of each step inside "fetch+refresh", one feed after another on one core, from the
// generated files (no network): decode, XML check, parse, sanitize, normalize, cache read/write.
// Run as a child by bench/run.ts: argv[2] lists the feeds (JSON), argv[3] is the cache dir of
// the cold build, argv[4] where the figures go.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { normalizeFeed } from "../src/normalize/normalize-feed.ts";
import { findXmlError } from "../src/parse/check-xml.ts";
import { decodeBody } from "../src/parse/decode-body.ts";
import { parseFeed } from "../src/parse/parse-feed.ts";
import { sanitizeContent } from "../src/sanitize/sanitize-content.ts";
import { openFeedCache } from "../src/store/feed-cache.ts";
import type { CostedFeed, StageCosts } from "./build-figures.ts";

const [listPath, cacheDir, resultPath] = process.argv.slice(2);
if (listPath && cacheDir && resultPath) {
  const list: CostedFeed[] = JSON.parse(await readFile(listPath, "utf8"));
  await writeFile(resultPath, JSON.stringify(await costStages(list, cacheDir)));
}

/** Runs each step over every feed, timing the steps separately. */
async function costStages(list: CostedFeed[], cacheDir: string): Promise<StageCosts> {
  const ms: Record<string, number> = {};
  const time = <T>(step: string, work: () => T): T => {
    const started = performance.now();
    const value = work();
    ms[step] = (ms[step] ?? 0) + performance.now() - started;
    return value;
  };
  const cache = openFeedCache(cacheDir);
  const scratch = openFeedCache(join(cacheDir, "..", "stage-costs-scratch"));
  const now = new Date();
  let posts = 0;
  let bodyBytes = 0;
  let cacheBytes = 0;
  const missing: string[] = [];
  for (const feed of list) {
    const body = new Uint8Array(await readFile(feed.file));
    bodyBytes += body.byteLength;
    const text = time("decode", () => decodeBody(body, feed.contentType));
    if (!feed.contentType.includes("json")) time("xml check (in parse)", () => findXmlError(text));
    const parsed = time("parse (all)", () => parseFeed(text));
    if (!parsed.ok) throw new Error(`${feed.url}: ${parsed.error.message}`);
    posts += parsed.feed.entries.length;
    time("sanitize (in normalize)", () => {
      for (const entry of parsed.feed.entries) sanitizeContent(entry.contentHtml ?? "", feed.url);
    });
    const context = { feed: { name: "bench", url: feed.url }, fetchedUrl: feed.url, now };
    time("normalize (all)", () => normalizeFeed(parsed.feed, { ...context, firstSeen: {} }));
    const started = performance.now();
    const stored = await cache.read(feed.url);
    ms["cache read"] = (ms["cache read"] ?? 0) + performance.now() - started;
    // A feed the cold build could not fetch has no posts to cost; say so rather than stop.
    if (stored.record === null || stored.record.posts.length === 0) {
      missing.push(
        `${feed.url}: ${stored.problem ?? stored.record?.error?.message ?? "no record"}`,
      );
      continue;
    }
    cacheBytes += (await readFile(cache.pathFor(feed.url))).byteLength;
    const record = stored.record;
    const writeStarted = performance.now();
    await scratch.write(record);
    ms["cache write"] = (ms["cache write"] ?? 0) + performance.now() - writeStarted;
  }
  return { feeds: list.length, posts, bodyBytes, cacheBytes, missing: missing.slice(0, 10), ms };
}
