import type { SourceHealth } from "../model/source-health.ts";
import { reportedTruncation, truncationAdvice } from "../model/truncation.ts";
import type { SiteData } from "../site/site-data.ts";
import type { SourceState } from "../store/feed-record.ts";
import type { UpdatedSource } from "./update-sources.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A source whose newest entry is older than this gets a "quiet" note. */
const QUIET_AFTER_MS = 2 * 365 * DAY_MS;
/** A source failing for longer than this many days is marked stale. */
export const STALE_AFTER_DAYS = 7;
/** STALE_AFTER_DAYS in milliseconds. */
export const STALE_AFTER_MS = STALE_AFTER_DAYS * DAY_MS;

/** The health of one source as reports show it, from its cached state after this build. */
export function describeHealth(name: string, record: SourceState, now: Date): SourceHealth {
  const { newestItem } = record.summary;
  const since = failingSince(record);
  const stale = since !== null && now.getTime() - Date.parse(since) > STALE_AFTER_MS;
  return {
    name,
    url: record.url,
    finalUrl: record.finalUrl,
    ok: record.lastAttempt !== null && record.error === null,
    status: record.status,
    error: record.error ?? (record.lastAttempt === null ? neverFetched : null),
    advice: adviceFor(record, newestItem, now, since, stale),
    lastAttempt: record.lastAttempt,
    lastSuccess: record.lastSuccess,
    consecutiveFailures: record.consecutiveFailures,
    items: record.summary.items,
    filtered: 0,
    newestItem,
    failingSince: since,
    stale,
    eventsLeftOut: record.eventsLeftOut,
    seriesCut: record.seriesCut,
    truncated: reportedTruncation(record.truncated),
  };
}

/** The health of every source after this build: member feeds and event sources apart. */
export function describeSources(updated: readonly UpdatedSource[], now: Date): SiteData["health"] {
  const healthOf = (kind: "feed" | "events") =>
    updated
      .filter(({ source }) => source.kind === kind)
      .map(({ source, state }) => describeHealth(source.name, state, now));
  return { feeds: healthOf("feed"), events: healthOf("events") };
}

const neverFetched = { kind: "offline", message: "not fetched yet (offline build)" } as const;

function adviceFor(
  record: SourceState,
  newestItem: string | null,
  now: Date,
  since: string | null,
  stale: boolean,
): string | null {
  const moved = record.redirects.findLast((redirect) => redirect.permanent);
  // The permanent target, not finalUrl: a temporary redirect after it is no address to keep.
  if (moved) return `moved permanently to ${moved.to}: update its url in feeds.json`;
  const [advertised] = record.advertisedFeeds;
  if (record.error?.kind === "parse" && advertised) {
    return `this is an HTML page; its feed is ${advertised}: put that URL in feeds.json`;
  }
  if (record.status === 410) return "gone (410): the feed was removed; remove it from feeds.json";
  if (record.status === 404) return "not found (404): check the URL or remove the feed";
  if (record.error?.kind === "dns") return "the host name does not resolve: check the URL";
  if (stale && since !== null) {
    const kept = record.summary.items > 0 ? "; its last good copy is still shown" : "";
    return `failing since ${since.slice(0, 10)} (stale: over ${STALE_AFTER_DAYS} days)${kept}`;
  }
  // A date, not a count of builds: the advice (and the feeds page) stays the same from one
  // build to the next while nothing new happens.
  if (record.consecutiveFailures >= 3 && record.summary.items > 0) {
    const from = since === null ? "" : ` since ${since.slice(0, 10)}`;
    return `failing${from}; its last good copy is still shown`;
  }
  if (newestItem && now.getTime() - Date.parse(newestItem) > QUIET_AFTER_MS) {
    return `no new post since ${newestItem.slice(0, 10)}`;
  }
  const truncated = reportedTruncation(record.truncated);
  return truncated && truncationAdvice(truncated);
}

/** The first failure of the current streak: walk back through the history while it failed. */
function failingSince(record: SourceState): string | null {
  if (record.error === null || record.lastAttempt === null) return null;
  let since: string | null = null;
  for (const entry of record.history.toReversed()) {
    if (entry.outcome !== "failed") break;
    since = entry.at;
  }
  return since ?? record.lastAttempt;
}
