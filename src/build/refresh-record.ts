import type { FeedConfig } from "../config/schema.ts";
import type { FetchResult } from "../model/fetch-result.ts";
import type { Post } from "../model/post.ts";
import { normalizeFeed } from "../normalize/normalize-feed.ts";
import { decodeBody } from "../parse/decode-body.ts";
import { parseFeed } from "../parse/parse-feed.ts";
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
  const parsed = parseFeed(decodeBody(result.body, result.contentType));
  if (!parsed.ok) {
    const where = parsed.error.line
      ? ` (line ${parsed.error.line}, column ${parsed.error.column})`
      : "";
    return recordFailure(
      attempt,
      { kind: "parse", message: `${parsed.error.message}${where}` },
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
