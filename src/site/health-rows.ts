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
  /** Posts the feed's filter or the hide list took out. */
  filtered: number;
  newestItem: string | null;
  /** Failing sources only: when they last worked, and since when they fail. */
  lastSuccess: string | null;
  failingSince: string | null;
  stale: boolean;
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
      filtered: health.filtered,
      newestItem: health.newestItem,
      lastSuccess: health.ok ? null : health.lastSuccess,
      failingSince: health.ok ? null : health.failingSince,
      stale: health.stale,
    }))
    .sort((a, b) => Number(a.ok) - Number(b.ok) || a.name.localeCompare(b.name));
}
