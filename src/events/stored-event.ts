import * as z from "zod";
import type { EventKind, EventStatus, PlanetEvent } from "../model/event.ts";

/** Any string Date can read back. */
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

const EVENT_KIND_VALUES = {
  sprint: "sprint",
  "release-party": "release-party",
  talk: "talk",
  meetup: "meetup",
} as const satisfies { [K in EventKind]: K };

const EVENT_STATUS_VALUES = {
  confirmed: "confirmed",
  tentative: "tentative",
  cancelled: "cancelled",
} as const satisfies { [K in EventStatus]: K };

/** One event as stored in the cache: a PlanetEvent with its dates as ISO 8601 strings. */
export const storedEventSchema = z.object({
  uid: z.string().min(1),
  title: z.string(),
  start: instant,
  end: instant.nullable(),
  allDay: z.boolean(),
  timeZone: z.string().nullable(),
  location: z.string().nullable(),
  url: z.string().nullable(),
  descriptionHtml: z.string(),
  status: z.enum(EVENT_STATUS_VALUES),
  sequence: z.number().int().nonnegative(),
  source: z.string(),
  sourceUrl: z.string(),
  kind: z.enum(EVENT_KIND_VALUES),
  announced: instant.nullable(),
  updated: instant.nullable(),
  recurrenceId: z.string().nullable(),
});

/** An event as stored in a cache file. */
export type StoredEvent = z.infer<typeof storedEventSchema>;

/** Converts an event for storage (dates to ISO strings). */
export function toStoredEvent(event: PlanetEvent): StoredEvent {
  return {
    ...event,
    start: event.start.toISOString(),
    end: event.end?.toISOString() ?? null,
    announced: event.announced?.toISOString() ?? null,
    updated: event.updated?.toISOString() ?? null,
  };
}

/** Converts a stored event back (ISO strings to Dates at the same instant). */
export function fromStoredEvent(stored: StoredEvent): PlanetEvent {
  return {
    ...stored,
    start: new Date(stored.start),
    end: stored.end === null ? null : new Date(stored.end),
    announced: stored.announced === null ? null : new Date(stored.announced),
    updated: stored.updated === null ? null : new Date(stored.updated),
  };
}
