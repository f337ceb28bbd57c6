import type { EventKind, PlanetEvent } from "../model/event.ts";

/** A calendar file the planet writes. */
export interface CalendarFile {
  /** Its path under dist/. */
  readonly path: string;
  /** The one kind of event it holds; null for every kind. */
  readonly kind: EventKind | null;
  /** Its name on the events page, e.g. "Sprints". */
  readonly label: string;
}

/** Every calendar file: events.ics with every event first, then one file per kind. */
export const CALENDAR_FILES = [
  { path: "events.ics", kind: null, label: "All events" },
  { path: "events/sprints.ics", kind: "sprint", label: "Sprints" },
  { path: "events/release-parties.ics", kind: "release-party", label: "Release parties" },
  { path: "events/talks.ics", kind: "talk", label: "Talks" },
] as const satisfies readonly CalendarFile[];

/** The path of one of the calendar files. */
export type CalendarPath = (typeof CALENDAR_FILES)[number]["path"];

/** The calendar with every event: the one pages offer first. */
export const ALL_EVENTS_CALENDAR = CALENDAR_FILES[0].path;

/** A calendar file and the events it holds. */
export interface SelectedCalendar {
  /** The file. */
  file: CalendarFile & { path: CalendarPath };
  /** Its events, in the order given. */
  events: PlanetEvent[];
}

/** The events of each calendar file: all of them in events.ics, one kind in each of the others. */
export function selectCalendars(events: readonly PlanetEvent[]): SelectedCalendar[] {
  return CALENDAR_FILES.map((file) => ({
    file,
    events: file.kind === null ? [...events] : events.filter((event) => event.kind === file.kind),
  }));
}
