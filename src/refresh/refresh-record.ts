import { type KeptEvents, keepNearestEvents } from "../events/keep-nearest-events.ts";
import { fromStoredEvent, toStoredEvent } from "../events/stored-event.ts";
import { eventIdentity, type PlanetEvent } from "../model/event.ts";
import type { FetchResult } from "../model/fetch-result.ts";
import { comparePositions } from "../select/select-posts.ts";
import {
  appendHistory,
  type FeedRecord,
  type FeedState,
  hashBody,
  POSTS_KEPT_PER_FEED,
  type StoredPost,
  toStoredPost,
} from "../store/feed-record.ts";
import type { BodyReader } from "./body-reader.ts";

/** What refreshing a source needs besides the fetch result. */
export interface RefreshContext {
  now: Date;
  /** Reads the fetched document: a member feed or an event source. */
  read: BodyReader;
}

/** Whether a fetch brought a body other than the last good copy's: one to read. */
export function bringsNewBody(
  result: FetchResult,
  bodyHash: string | null,
): result is Extract<FetchResult, { outcome: "ok" }> {
  return result.outcome === "ok" && hashBody(result.body) !== bodyHash;
}

/**
 * The source's state after an attempt that brought nothing to read (see bringsNewBody): a
 * failure is recorded, a 304 or the same bytes again count as success. The content stays as it
 * is, so a build never has to load it for such an attempt.
 */
export function refreshState<S extends FeedState>(previous: S, result: FetchResult, now: Date): S {
  const at = now.toISOString();
  const attempt = attemptOf(previous, result, at);
  if (result.outcome === "failed") return recordFailure(attempt, result.error, at);
  const outcome = result.outcome === "not-modified" ? "not-modified" : "ok";
  return recordSuccess({ ...attempt, validators: result.validators }, outcome, at);
}

/**
 * The source's record after one fetch: what came in merged into the last good copy on success;
 * on any failure (fetch or reading) the last good copy stays and the failure is recorded.
 */
export async function refreshRecord(
  previous: FeedRecord,
  result: FetchResult,
  context: RefreshContext,
): Promise<FeedRecord> {
  if (!bringsNewBody(result, previous.bodyHash)) {
    return refreshState(previous, result, context.now);
  }
  const at = context.now.toISOString();
  const attempt = attemptOf(previous, result, at);
  const bodyHash = hashBody(result.body);
  // Loaded with the first body to read: iconv-lite is no cost to a build of 304s.
  const { decodeBody } = await import("../parse/decode-body.ts");
  const reading = await context.read(
    decodeBody(result.body, result.contentType),
    result.finalUrl,
    previous,
  );
  if (!reading.ok) {
    return recordFailure(
      { ...attempt, advertisedFeeds: reading.advertisedFeeds },
      { kind: "parse", message: reading.message },
      at,
    );
  }
  const kept = mergeEvents(previous.events.map(fromStoredEvent), reading.events, context.now);
  return recordSuccess(
    {
      ...attempt,
      validators: result.validators,
      bodyHash,
      advertisedFeeds: [],
      truncated: reading.truncated,
      feedTitle: reading.title,
      feedLink: reading.link,
      posts: mergePosts(
        previous.posts,
        reading.posts.map((post) => toStoredPost(post, reading.sanitized?.get(post.key))),
      ),
      events: kept.events.map(toStoredEvent),
      eventsLeftOut: kept.leftOut,
      seriesCut: reading.seriesCut,
    },
    "ok",
    at,
  );
}

/**
 * The feed's current entries, plus older ones it no longer lists (newest first, capped). Merged
 * as stored: the kept posts are never turned into posts and back.
 */
function mergePosts(kept: StoredPost[], current: StoredPost[]): StoredPost[] {
  const currentIds = new Set(current.map((post) => post.sourceId));
  const merged = [...current, ...kept.filter((post) => !currentIds.has(post.sourceId))];
  const position = (post: StoredPost) => ({
    time: Date.parse(post.published ?? post.updated ?? post.firstSeen),
    key: post.key,
  });
  return merged
    .map((post) => ({ post, at: position(post) }))
    .sort((a, b) => comparePositions(a.at, b.at))
    .slice(0, POSTS_KEPT_PER_FEED)
    .map(({ post }) => post);
}

/**
 * The source's current events, plus past ones it no longer lists (their history stays on the
 * events page), within the bound of keepNearestEvents. An upcoming event that vanished from its
 * source was withdrawn: it goes.
 */
function mergeEvents(kept: PlanetEvent[], current: PlanetEvent[], now: Date): KeptEvents {
  const currentIds = new Set(current.map(eventIdentity));
  const past = kept.filter(
    (event) => !currentIds.has(eventIdentity(event)) && (event.end ?? event.start) < now,
  );
  return keepNearestEvents([...current, ...past], now);
}

function attemptOf<S extends FeedState>(previous: S, result: FetchResult, at: string): S {
  return {
    ...previous,
    lastAttempt: at,
    finalUrl: result.finalUrl,
    redirects: result.redirects,
    status: result.status,
  };
}

function recordSuccess<S extends FeedState>(
  record: S,
  outcome: "ok" | "not-modified",
  at: string,
): S {
  return {
    ...record,
    lastSuccess: at,
    error: null,
    consecutiveFailures: 0,
    history: appendHistory(record.history, { at, outcome, status: record.status, error: null }),
  };
}

function recordFailure<S extends FeedState>(record: S, error: FeedState["error"], at: string): S {
  return {
    ...record,
    error,
    consecutiveFailures: record.consecutiveFailures + 1,
    history: appendHistory(record.history, { at, outcome: "failed", status: record.status, error }),
  };
}
