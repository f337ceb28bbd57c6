import type { PlanetEvent } from "../model/event.ts";

/** Events not yet over at `now`, soonest first. */
export function upcomingEvents(events: readonly PlanetEvent[], now: Date): PlanetEvent[] {
  return events
    .filter((event) => eventEnd(event) >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** Events over at `now`, most recent first. */
export function pastEvents(events: readonly PlanetEvent[], now: Date): PlanetEvent[] {
  return events
    .filter((event) => eventEnd(event) < now.getTime())
    .sort((a, b) => b.start.getTime() - a.start.getTime() || a.uid.localeCompare(b.uid));
}

/** When an event is over, in ms; one without an end is over when it starts (or, all day, when its day ends). */
export function eventEnd(event: PlanetEvent): number {
  if (event.end) return event.end.getTime();
  return event.start.getTime() + (event.allDay ? 24 * 3600 * 1000 : 0);
}
