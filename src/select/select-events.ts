import type { PlanetEvent } from "../model/event.ts";

/** Events not yet over at `now`, soonest first. */
export function upcomingEvents(events: readonly PlanetEvent[], now: Date): PlanetEvent[] {
  return events
    .filter((event) => endOf(event) >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** Events over at `now`, most recent first. */
export function pastEvents(events: readonly PlanetEvent[], now: Date): PlanetEvent[] {
  return events
    .filter((event) => endOf(event) < now.getTime())
    .sort((a, b) => b.start.getTime() - a.start.getTime() || a.uid.localeCompare(b.uid));
}

/** An event without an end is over when it starts (or, all day, when its day ends). */
function endOf(event: PlanetEvent): number {
  if (event.end) return event.end.getTime();
  return event.start.getTime() + (event.allDay ? 24 * 3600 * 1000 : 0);
}
