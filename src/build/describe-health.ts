import type { SourceHealth } from "../model/source-health.ts";
import type { FeedRecord } from "../store/feed-record.ts";

/** A source whose newest entry is older than this gets a "quiet" note. */
const QUIET_AFTER_MS = 2 * 365 * 24 * 60 * 60 * 1000;

/** The health of one source as reports show it, from its cache record after this build. */
export function describeHealth(name: string, record: FeedRecord, now: Date): SourceHealth {
  const newestItem = newestDate(record);
  return {
    name,
    url: record.url,
    finalUrl: record.finalUrl,
    ok: record.lastAttempt !== null && record.error === null,
    status: record.status,
    error: record.error ?? (record.lastAttempt === null ? neverFetched : null),
    advice: adviceFor(record, newestItem, now),
    lastAttempt: record.lastAttempt,
    lastSuccess: record.lastSuccess,
    consecutiveFailures: record.consecutiveFailures,
    items: record.posts.length,
    newestItem,
  };
}

const neverFetched = { kind: "offline", message: "not fetched yet (offline build)" } as const;

function adviceFor(record: FeedRecord, newestItem: string | null, now: Date): string | null {
  const moved = record.redirects.findLast((redirect) => redirect.permanent);
  if (moved) return `moved permanently to ${record.finalUrl}: update its url in feeds.json`;
  const [advertised] = record.advertisedFeeds;
  if (record.error?.kind === "parse" && advertised) {
    return `this is an HTML page; its feed is ${advertised}: put that URL in feeds.json`;
  }
  if (record.status === 410) return "gone (410): the feed was removed; remove it from feeds.json";
  if (record.status === 404) return "not found (404): check the URL or remove the feed";
  if (record.error?.kind === "dns") return "the host name does not resolve: check the URL";
  if (record.consecutiveFailures >= 3 && record.posts.length > 0) {
    return `failing for ${record.consecutiveFailures} builds; its last good copy is still shown`;
  }
  if (newestItem && now.getTime() - Date.parse(newestItem) > QUIET_AFTER_MS) {
    return `no new post since ${newestItem.slice(0, 10)}`;
  }
  return null;
}

function newestDate(record: FeedRecord): string | null {
  let newest: string | null = null;
  for (const post of record.posts) {
    const date = post.published ?? post.updated ?? post.firstSeen;
    if (newest === null || Date.parse(date) > Date.parse(newest)) newest = date;
  }
  return newest;
}
