import type { EventKind, PlanetEvent } from "../model/event.ts";

/** The calendar files the planet writes, by path under dist/. */
export type CalendarPath =
  | "events.ics"
  | "events/sprints.ics"
  | "events/release-parties.ics"
  | "events/talks.ics";

/** The kind each per-kind calendar holds; events.ics holds every kind. */
const KIND_CALENDARS: ReadonlyArray<[CalendarPath, EventKind]> = [
  ["events/sprints.ics", "sprint"],
  ["events/release-parties.ics", "release-party"],
  ["events/talks.ics", "talk"],
];

/** The events of each calendar file: all of them in events.ics, one kind in each of the others. */
export function selectCalendars(
  events: readonly PlanetEvent[],
): Record<CalendarPath, PlanetEvent[]> {
  const calendars: Record<CalendarPath, PlanetEvent[]> = {
    "events.ics": [...events],
    "events/sprints.ics": [],
    "events/release-parties.ics": [],
    "events/talks.ics": [],
  };
  for (const [path, kind] of KIND_CALENDARS) {
    calendars[path] = events.filter((event) => event.kind === kind);
  }
  return calendars;
}
