import type { FetchErrorKind } from "./fetch-result.ts";
import type { Truncation } from "./truncation.ts";

/** Why a source is failing: a fetch failure, or a document that isn't a readable feed. */
export type SourceErrorKind = FetchErrorKind | "parse";

/** The state of one feed or event source after a build, as health.json and feeds/ show it. */
export interface SourceHealth {
  name: string;
  /** The configured URL. */
  url: string;
  /** Where the last attempt ended up after redirects. */
  finalUrl: string;
  /** False whenever the last attempt failed, even if a last good copy is still shown. */
  ok: boolean;
  /** HTTP status of the last attempt, or null when no response came. */
  status: number | null;
  error: { kind: SourceErrorKind; message: string } | null;
  /** What the owner should do, or null when nothing. */
  advice: string | null;
  lastAttempt: string | null;
  lastSuccess: string | null;
  consecutiveFailures: number;
  /** Entries in the last good copy. */
  items: number;
  /** Posts of the last good copy that the feed's filter or the planet's hide list took out. */
  filtered: number;
  /** Newest entry date in the last good copy (ISO), or null. */
  newestItem: string | null;
  /** When the current run of failures began (ISO), as far back as the history goes; null when ok. */
  failingSince: string | null;
  /** Failing for longer than a week: the posts shown are an old copy. */
  stale: boolean;
  /** Event sources: occurrences left out to keep within the per-source bound (0 for feeds). */
  eventsLeftOut: number;
  /** Event sources: recurring events too dense to expand over the whole window (0 for feeds). */
  seriesCut: number;
  /** What of the last good copy was cut to fit the planet's bounds, or null when nothing. */
  truncated: Truncation | null;
}

/** `health` with each source's count of filtered posts (by configured URL; 0 when absent). */
export function withFilteredCounts<T extends { feeds: SourceHealth[]; events: SourceHealth[] }>(
  health: T,
  filtered: Readonly<Record<string, number>>,
): T {
  const count = (source: SourceHealth) => ({ ...source, filtered: filtered[source.url] ?? 0 });
  return { ...health, feeds: health.feeds.map(count), events: health.events.map(count) };
}
