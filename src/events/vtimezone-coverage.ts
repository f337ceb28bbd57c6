import ICAL from "ical.js";
import { wallClockMs } from "./zoned-time.ts";

/** Where recurring observances are moved back to: before any date a calendar holds. */
const EXTENDED_FROM_YEAR = 1800;

/** The first onset each calendar VTIMEZONE defines, in its local wall-clock milliseconds. */
const firstOnsets = new WeakMap<ICAL.Timezone, number>();
/** Each VTIMEZONE with its rules extended backwards, built once. */
const extendedZones = new WeakMap<ICAL.Timezone, ICAL.Timezone>();

function observances(component: ICAL.Component): ICAL.Component[] {
  return [
    ...component.getAllSubcomponents("standard"),
    ...component.getAllSubcomponents("daylight"),
  ];
}

function firstOnsetOf(zone: ICAL.Timezone): number {
  const cached = firstOnsets.get(zone);
  if (cached !== undefined) return cached;
  let first = Number.POSITIVE_INFINITY;
  for (const observance of zone.component ? observances(zone.component) : []) {
    const start = observance.getFirstPropertyValue("dtstart");
    if (start instanceof ICAL.Time) first = Math.min(first, wallClockMs(start));
  }
  firstOnsets.set(zone, first);
  return first;
}

/**
 * Whether a calendar's own VTIMEZONE says what offset applies at `time`. Outlook and some
 * generators write only the current rules (a first STANDARD of 2018): before that onset ical.js
 * knows no offset and reads local times as UTC.
 */
export function coversTime(zone: ICAL.Timezone, time: ICAL.Time): boolean {
  return wallClockMs(time) >= firstOnsetOf(zone);
}

/**
 * The VTIMEZONE with each recurring STANDARD/DAYLIGHT rule moved back to 1800, so its yearly
 * rules (last Sunday of March…) hold for earlier years as well, and the first onset too, so its
 * offset holds before it; later one-off onsets stay where they are.
 */
function extendedBackwards(zone: ICAL.Timezone): ICAL.Timezone {
  const cached = extendedZones.get(zone);
  if (cached !== undefined) return cached;
  const component = new ICAL.Component(zone.component?.toJSON() ?? ["vtimezone", [], []]);
  const first = firstOnsetOf(zone);
  for (const observance of observances(component)) {
    const start = observance.getFirstPropertyValue("dtstart");
    if (!(start instanceof ICAL.Time)) continue;
    if (!observance.hasProperty("rrule") && wallClockMs(start) !== first) continue;
    const moved = start.clone();
    moved.year = Math.min(moved.year, EXTENDED_FROM_YEAR);
    observance.updatePropertyWithValue("dtstart", moved);
  }
  const extended = new ICAL.Timezone({ component, tzid: zone.tzid });
  extendedZones.set(zone, extended);
  return extended;
}

/** The instant of a local `time` by the calendar's VTIMEZONE rules, extended backwards. */
export function instantByExtendedZone(time: ICAL.Time): Date {
  const zone = time.zone;
  if (zone === undefined || zone === null) return new Date(time.toUnixTime() * 1000);
  const local = ICAL.Time.fromData(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    extendedBackwards(zone),
  );
  return new Date(local.toUnixTime() * 1000);
}
