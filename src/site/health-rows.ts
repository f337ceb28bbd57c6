import { EVENTS_KEPT_PER_SOURCE } from "../events/keep-nearest-events.ts";
import type { SourceHealth } from "../model/source-health.ts";

/** One row of the feeds/ page: what it shows of a source's health, and nothing that changes
 * from build to build while nothing happens (no attempt times, no build counts). */
export interface HealthRow {
  name: string;
  url: string;
  ok: boolean;
  /** The failing attempt's HTTP status, if any; null for healthy sources. */
  status: number | null;
  error: SourceHealth["error"];
  advice: string | null;
  items: number;
  /** What the last good copy left out to fit the planet's bounds, or null. */
  truncated: SourceHealth["truncated"];
  /** Posts the feed's filter or the hide list took out. */
  filtered: number;
  newestItem: string | null;
  /** Failing sources only: when they last worked, and since when they fail. */
  lastSuccess: string | null;
  failingSince: string | null;
  stale: boolean;
  /** What the bound on a source's events left out, or null when nothing. */
  limitNote: string | null;
}

/** The rows of the feeds/ page, failing sources first so the owner sees them at once. */
export function healthRows(sources: readonly SourceHealth[]): HealthRow[] {
  return sources
    .map((health) => ({
      name: health.name,
      url: health.url,
      ok: health.ok,
      status: health.ok ? null : health.status,
      error: health.error,
      advice: health.advice,
      items: health.items,
      truncated: health.truncated,
      filtered: health.filtered,
      newestItem: health.newestItem,
      lastSuccess: health.ok ? null : health.lastSuccess,
      failingSince: health.ok ? null : health.failingSince,
      stale: health.stale,
      limitNote: limitNoteOf(health),
    }))
    .sort((a, b) => Number(a.ok) - Number(b.ok) || a.name.localeCompare(b.name));
}

/** Why an event source shows fewer occurrences than its calendar holds. */
function limitNoteOf({ eventsLeftOut, seriesCut }: SourceHealth): string | null {
  const notes: string[] = [];
  if (eventsLeftOut > 0) {
    notes.push(
      `${eventsLeftOut} occurrences left out: a source keeps the ${EVENTS_KEPT_PER_SOURCE} nearest to now`,
    );
  }
  if (seriesCut > 0) {
    notes.push(
      `${seriesCut} recurring ${seriesCut === 1 ? "event repeats" : "events repeat"} too often to list every time: the occurrences nearest to now are kept`,
    );
  }
  return notes.length === 0 ? null : `${notes.join("; ")}.`;
}
