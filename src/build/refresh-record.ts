import type { FeedConfig } from "../config/schema.ts";
import type { FetchResult } from "../model/fetch-result.ts";
import type { Post } from "../model/post.ts";
import { normalizeFeed } from "../normalize/normalize-feed.ts";
import { decodeBody } from "../parse/decode-body.ts";
import { discoverFeedLinks } from "../parse/discover-feeds.ts";
import { parseFeed } from "../parse/parse-feed.ts";
import { sniffDocument } from "../parse/sniff-document.ts";
import { comparePosts } from "../select/select-posts.ts";
import {
  appendHistory,
  type FeedRecord,
  fromStoredPost,
  hashBody,
  toStoredPost,
} from "../store/feed-record.ts";

/** How many posts of one feed the cache keeps; entries that leave the feed stay until then. */
export const POSTS_KEPT_PER_FEED = 200;

/** What refreshing a feed needs besides the fetch result. */
export interface RefreshContext {
  feed: Pick<FeedConfig, "name" | "url" | "link">;
  now: Date;
}

/**
 * The feed's record after one fetch: new posts merged into the last good copy on success;
 * on any failure (fetch or parse) the last good copy stays and the failure is recorded.
 */
export function refreshRecord(
  previous: FeedRecord,
  result: FetchResult,
  context: RefreshContext,
): FeedRecord {
  const at = context.now.toISOString();
  const attempt = {
    ...previous,
    lastAttempt: at,
    finalUrl: result.finalUrl,
    redirects: result.redirects,
    status: result.status,
  };
  if (result.outcome === "failed") return recordFailure(attempt, result.error, at);
  if (result.outcome === "not-modified") {
    return recordSuccess({ ...attempt, validators: result.validators }, "not-modified", at);
  }
  const bodyHash = hashBody(result.body);
  // Same bytes as the last good copy: nothing to parse or sanitize again.
  if (bodyHash === previous.bodyHash) {
    return recordSuccess({ ...attempt, validators: result.validators }, "ok", at);
  }
  const text = decodeBody(result.body, result.contentType);
  const parsed = parseFeed(text);
  if (!parsed.ok) {
    // The parse error already names its line and column where it has them.
    const advertisedFeeds =
      sniffDocument(text).kind === "html" ? discoverFeedLinks(text, result.finalUrl) : [];
    return recordFailure(
      { ...attempt, advertisedFeeds },
      { kind: "parse", message: parsed.error.message },
      at,
    );
  }
  const normalized = normalizeFeed(parsed.feed, {
    feed: context.feed,
    fetchedUrl: result.finalUrl,
    firstSeen: Object.fromEntries(previous.posts.map((post) => [post.sourceId, post.firstSeen])),
    now: context.now,
  });
  return recordSuccess(
    {
      ...attempt,
      validators: result.validators,
      bodyHash,
      advertisedFeeds: [],
      feedTitle: parsed.feed.title,
      feedLink: normalized.memberLink,
      posts: mergePosts(previous.posts.map(fromStoredPost), normalized.posts).map(toStoredPost),
    },
    "ok",
    at,
  );
}

/** The feed's current entries, plus older ones it no longer lists (newest first, capped). */
function mergePosts(kept: Post[], current: Post[]): Post[] {
  const currentIds = new Set(current.map((post) => post.sourceId));
  const merged = [...current, ...kept.filter((post) => !currentIds.has(post.sourceId))];
  return merged.sort(comparePosts).slice(0, POSTS_KEPT_PER_FEED);
}

function recordSuccess(record: FeedRecord, outcome: "ok" | "not-modified", at: string): FeedRecord {
  return {
    ...record,
    lastSuccess: at,
    error: null,
    consecutiveFailures: 0,
    history: appendHistory(record.history, { at, outcome, status: record.status, error: null }),
  };
}

function recordFailure(record: FeedRecord, error: FeedRecord["error"], at: string): FeedRecord {
  return {
    ...record,
    error,
    consecutiveFailures: record.consecutiveFailures + 1,
    history: appendHistory(record.history, { at, outcome: "failed", status: record.status, error }),
  };
}
