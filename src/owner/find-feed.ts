import type { FetchOptions } from "../fetch/fetch-feed.ts";
import type { ParsedFeed } from "../model/parsed-feed.ts";
import { discoverFeedLinks } from "../parse/discover-feeds.ts";
import { parseFeed } from "../parse/parse-feed.ts";
import { sniffDocument } from "../parse/sniff-document.ts";
import { fetchDocument } from "./fetch-document.ts";

/** A feed that was fetched and parsed, ready to be added. */
export interface FoundFeed {
  /** The feed URL to configure. */
  url: string;
  /** The feed's own title (plain text), or null. */
  title: string | null;
  /** The web page the feed was discovered on, or null when given the feed itself. */
  page: string | null;
  /** Entries in the feed now. */
  entries: number;
}

/** A feed, or a message the owner can act on. */
export type FindFeedResult = { ok: true; feed: FoundFeed } | { ok: false; message: string };

/**
 * Finds the feed behind a URL: the URL itself when it is a feed, else the first feed its HTML page
 * advertises (`<link rel="alternate">`) that can be fetched and parsed.
 */
export async function findFeed(url: string, options: FetchOptions): Promise<FindFeedResult> {
  const document = await fetchDocument(url, options);
  if (!document.ok) return document;
  const parsed = parseFeed(document.text);
  if (parsed.ok) return found(document.settledUrl, parsed.feed, null);
  if (sniffDocument(document.text).kind !== "html") {
    return { ok: false, message: `${url} is not a feed: ${parsed.error.message}` };
  }
  const candidates = discoverFeedLinks(document.text, document.finalUrl);
  if (candidates.length === 0) {
    return {
      ok: false,
      message: `${url} is a web page that advertises no feed (no <link rel="alternate" type="application/rss+xml"> or similar); give the feed's own URL`,
    };
  }
  const problems: string[] = [];
  for (const candidate of candidates) {
    const feedDocument = await fetchDocument(candidate, options);
    if (!feedDocument.ok) {
      problems.push(feedDocument.message);
      continue;
    }
    const feed = parseFeed(feedDocument.text);
    if (feed.ok) return found(feedDocument.settledUrl, feed.feed, document.settledUrl);
    problems.push(`${candidate}: ${feed.error.message}`);
  }
  const list = problems.map((problem) => `\n  - ${problem}`).join("");
  return { ok: false, message: `${url} advertises feeds, but none could be read:${list}` };
}

function found(url: string, feed: ParsedFeed, page: string | null): FindFeedResult {
  const title = feed.title?.trim() || null;
  return { ok: true, feed: { url, title, page, entries: feed.entries.length } };
}
