import { eventIdentity, type PlanetEvent } from "../model/event.ts";

/**
 * How many occurrences of one source the cache keeps. Far above any real calendar's window (a
 * daily meeting gives 455, ten weekly series 650), it only bounds a hostile or broken feed; the
 * README states it and the source's health reports what it left out.
 */
export const EVENTS_KEPT_PER_SOURCE = 5_000;

/** The events a source keeps, and how many it left out to stay within the bound. */
export interface KeptEvents {
  /** Latest start first. */
  events: PlanetEvent[];
  leftOut: number;
}

/** How far an event is from `now`: zero while it runs. */
function distanceFromNow(event: PlanetEvent, now: number): number {
  const start = event.start.getTime();
  const end = event.end?.getTime() ?? start;
  if (start <= now && now <= end) return 0;
  return Math.min(Math.abs(start - now), Math.abs(end - now));
}

/**
 * Keeps at most `limit` events, those nearest to `now` (running ones first, then the nearest
 * ends or starts either way), so a flood of far occurrences never crowds out next week's
 * meeting. Ties go to the earlier start, then the identity, so the choice is the same every build.
 */
export function keepNearestEvents(
  events: readonly PlanetEvent[],
  now: Date,
  limit = EVENTS_KEPT_PER_SOURCE,
): KeptEvents {
  const at = now.getTime();
  const kept = [...events]
    .sort(
      (a, b) =>
        distanceFromNow(a, at) - distanceFromNow(b, at) ||
        a.start.getTime() - b.start.getTime() ||
        compare(eventIdentity(a), eventIdentity(b)),
    )
    .slice(0, limit)
    .sort((a, b) => b.start.getTime() - a.start.getTime());
  return { events: kept, leftOut: Math.max(0, events.length - limit) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
