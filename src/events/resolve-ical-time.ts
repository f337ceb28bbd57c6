import ICAL from "ical.js";
import { resolveTimeZone } from "./resolve-time-zone.ts";
import { coversTime, instantByExtendedZone } from "./vtimezone-coverage.ts";
import { type LocalParts, wallClockMs, zonedTimeToInstant } from "./zoned-time.ts";

/** A calendar time read as a real instant, with the zone it was written in. */
export interface ResolvedTime {
  instant: Date;
  /** True for a DATE value (no time): the instant is UTC midnight of that date. */
  allDay: boolean;
  /** IANA zone to show the time in; null for dates. */
  zone: string | null;
}

function partsOf(time: ICAL.Time): LocalParts {
  return {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: Math.min(time.second, 59),
  };
}

/**
 * Reads a DATE or DATE-TIME value as an instant. UTC stays UTC; a TZID the calendar defines in a
 * VTIMEZONE is converted with that definition (see vtimezone-coverage.ts for dates before it); any other TZID (IANA, Windows, vendor-prefixed)
 * through Intl; floating times and unknown TZIDs in `fallbackZone` (the source's zone, else UTC).
 */
export function resolveIcalTime(
  time: ICAL.Time,
  tzid: string | null,
  fallbackZone: string,
): ResolvedTime {
  const parts = partsOf(time);
  if (time.isDate) {
    return {
      instant: new Date(wallClockMs({ ...parts, hour: 0, minute: 0, second: 0 })),
      allDay: true,
      zone: null,
    };
  }
  const named = tzid === null ? null : resolveTimeZone(tzid);
  if (time.zone === ICAL.Timezone.utcTimezone) {
    return { instant: new Date(wallClockMs(parts)), allDay: false, zone: named ?? fallbackZone };
  }
  if (time.zone !== ICAL.Timezone.localTimezone) {
    // The calendar's own VTIMEZONE: the source's definition of its zone wins where it has one.
    // Before its first onset, the IANA zone of that name knows the history; without one, the
    // earliest rules are taken to have held before.
    const covered = coversTime(time.zone, time);
    const instant = covered
      ? new Date(time.toUnixTime() * 1000)
      : named !== null
        ? zonedTimeToInstant(parts, named)
        : instantByExtendedZone(time);
    return { instant, allDay: false, zone: named ?? fallbackZone };
  }
  const zone = named ?? fallbackZone;
  return { instant: zonedTimeToInstant(parts, zone), allDay: false, zone };
}

/** The TZID parameter of a property, or null. */
export function tzidOf(property: ICAL.Property | null): string | null {
  const tzid = property?.getParameter("tzid");
  return typeof tzid === "string" && tzid.trim() !== "" ? tzid : null;
}

/** A property's value as a time, resolved; null when absent or not a time. */
export function readTimeProperty(
  component: ICAL.Component,
  name: string,
  fallbackZone: string,
): ResolvedTime | null {
  const property = component.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (!(value instanceof ICAL.Time)) return null;
  return resolveIcalTime(value, tzidOf(property ?? null), fallbackZone);
}

/** Every time in a multi-valued property (EXDATE, RDATE), resolved to epoch milliseconds. */
export function readTimeList(
  component: ICAL.Component,
  name: string,
  fallbackZone: string,
): Set<number> {
  const instants = new Set<number>();
  for (const property of component.getAllProperties(name)) {
    const tzid = tzidOf(property);
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Time) {
        instants.add(resolveIcalTime(value, tzid, fallbackZone).instant.getTime());
      }
    }
  }
  return instants;
}
