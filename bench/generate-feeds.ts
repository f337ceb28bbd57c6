import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256Hex } from "../src/text/sha256.ts";
import type { ServedFile } from "./feed-server.ts";
import {
  type FeedFormat,
  FORMAT_TYPES,
  renderSyntheticFeed,
  type SyntheticPost,
} from "./render-synthetic-feed.ts";
import { postHtml, postTitle } from "./synthetic-content.ts";

/** One generated member feed. */
export interface SyntheticFeed {
  name: string;
  /** The feed's URL on its loopback host. */
  url: string;
  format: FeedFormat;
  /** How many times its content changed since generation. */
  revision: number;
}

/** What shapes the generated planet. */
export interface FeedSetOptions {
  dir: string;
  origins: string[];
  feeds: number;
  items: number;
  /** Approximate bytes of HTML per post. */
  postBytes: number;
  /** Every post is dated before this instant (the builds' PLANET_NOW). */
  now: Date;
}

const HOUR_MS = 60 * 60 * 1000;
const FORMATS: FeedFormat[] = ["rss", "atom", "json"];
/** One feed in HOSTILE_EVERY carries scripts, styles and handlers for the sanitizer. */
const HOSTILE_EVERY = 4;

/** Writes every feed at revision 0 into `dir` and returns them with the files to serve. */
export async function generateFeeds(
  options: FeedSetOptions,
): Promise<{ feeds: SyntheticFeed[]; files: Map<string, ServedFile> }> {
  await mkdir(options.dir, { recursive: true });
  const feeds: SyntheticFeed[] = [];
  const files = new Map<string, ServedFile>();
  for (let index = 0; index < options.feeds; index++) {
    const format = FORMATS[index % FORMATS.length] ?? "rss";
    const name = `member-${String(index).padStart(5, "0")}`;
    const origin = options.origins[index % options.origins.length] ?? "";
    const feed = { name, url: `${origin}/feeds/${name}.${format}`, format, revision: 0 };
    feeds.push(feed);
    const [path, served] = await writeFeed(options, feed, index);
    files.set(path, served);
  }
  return { feeds, files };
}

/**
 * Gives one in `every` feeds a new post (dropping its oldest), rewriting its file and ETag;
 * returns how many changed.
 */
export async function changeFeeds(
  options: FeedSetOptions,
  feeds: SyntheticFeed[],
  files: Map<string, ServedFile>,
  every: number,
): Promise<number> {
  let changed = 0;
  for (const [index, feed] of feeds.entries()) {
    if (index % every !== 0) continue;
    feed.revision++;
    const [path, served] = await writeFeed(options, feed, index);
    files.set(path, served);
    changed++;
  }
  return changed;
}

async function writeFeed(
  options: FeedSetOptions,
  feed: SyntheticFeed,
  index: number,
): Promise<[string, ServedFile]> {
  const origin = new URL(feed.url).origin;
  const siteLink = `${origin}/posts/${feed.name}/`;
  // Feeds are spread over five days so the day headings interleave members.
  const offsetMs = ((index * 7919) % 7200) * 60 * 1000;
  const posts: SyntheticPost[] = [];
  const newest = options.items - 1 + feed.revision;
  for (let n = newest; n > newest - options.items; n--) {
    const link = `${siteLink}${n}.html`;
    // Post n of revision r is as old as post n-1 of revision r-1 was: each change adds a newer one.
    const ageMs = HOUR_MS + offsetMs + (options.items + 4 - n) * 20 * HOUR_MS;
    posts.push({
      id: `urn:bench:${feed.name}:${n}`,
      title: postTitle(index * 1000 + n),
      link,
      published: new Date(options.now.getTime() - ageMs),
      html: postHtml({
        seed: index * 1000 + n,
        bytes: options.postBytes,
        hostile: index % HOSTILE_EVERY === 1,
        link,
      }),
    });
  }
  const text = renderSyntheticFeed(feed.format, {
    title: `Blog of ${feed.name}`,
    siteLink,
    feedUrl: feed.url,
    posts,
  });
  const file = join(options.dir, `${feed.name}.${feed.format}`);
  await writeFile(file, text);
  const etag = `"${sha256Hex(text, 20)}"`;
  return [new URL(feed.url).pathname, { file, etag, contentType: FORMAT_TYPES[feed.format] }];
}
