import ICAL from "ical.js";
import { expansionStart } from "./expansion-start.ts";
import {
  type ResolvedTime,
  readTimeList,
  readTimeProperty,
  resolveIcalTime,
  tzidOf,
} from "./resolve-ical-time.ts";
import { wallClockMs } from "./zoned-time.ts";

const DAY_MS = 24 * 3600 * 1000;

/** Inclusive start and exclusive end of the span events are read for. */
export interface EventWindow {
  from: Date;
  to: Date;
  /** The build's now: a series too dense to expand whole keeps the occurrences nearest it. */
  now: Date;
}

/** The default window: 90 days back and 365 ahead of `now`. */
export function defaultEventWindow(now: Date): EventWindow {
  return {
    from: new Date(now.getTime() - 90 * DAY_MS),
    to: new Date(now.getTime() + 365 * DAY_MS),
    now,
  };
}

/** One occurrence of a VEVENT, before its fields are read. */
export interface Occurrence {
  /** The VEVENT whose fields apply: the master, or the RECURRENCE-ID override that replaces it. */
  component: ICAL.Component;
  start: ResolvedTime;
  end: Date | null;
  /** The occurrence's original start, for occurrences of recurring events; else null. */
  recurrenceId: Date | null;
}

/** The occurrences of one UID in the window, and whether the step budget cut the series short. */
export interface Expansion {
  occurrences: Occurrence[];
  /** True when the series has more occurrences in the window than one series may expand. */
  cut: boolean;
}

/** A hostile or absurd RRULE (FREQ=SECONDLY) must not stall the build: ical.js steps one
 * occurrence at a time (about 16 µs each). Fixed-period rules start near the window (see
 * expansionStart), so this many steps cover every real series: a year and a quarter of a
 * meeting every half hour. */
export const MAX_STEPS = 20_000;

/** How long each occurrence lasts: DTEND − DTSTART, else DURATION, else a day for dates. */
function durationOf(component: ICAL.Component, start: ResolvedTime, zone: string): number | null {
  const end = readTimeProperty(component, "dtend", zone);
  if (end !== null) return Math.max(0, end.instant.getTime() - start.instant.getTime());
  const duration = component.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration) return Math.max(0, duration.toSeconds() * 1000);
  return start.allDay ? DAY_MS : null;
}

function overlaps(start: Date, end: Date | null, window: EventWindow): boolean {
  return start < window.to && (end ?? start) >= window.from;
}

/** The occurrence an override gives, with the master's duration when it has none of its own. */
function fromOverride(
  override: ICAL.Component,
  recurrenceId: Date | null,
  fallbackDuration: number | null,
  zone: string,
): Occurrence | null {
  const start = readTimeProperty(override, "dtstart", zone);
  if (start === null) return null;
  const duration =
    override.hasProperty("dtend") || override.hasProperty("duration")
      ? durationOf(override, start, zone)
      : fallbackDuration;
  const end = duration === null ? null : new Date(start.instant.getTime() + duration);
  return { component: override, start, end, recurrenceId };
}

/**
 * The occurrences of one UID's VEVENTs that overlap the window: RRULE and RDATE expanded, EXDATEs
 * removed, RECURRENCE-ID overrides in place of the occurrences they replace. Overrides are matched
 * by instant, so one written in UTC still replaces an occurrence written in local time.
 */
export function expandOccurrences(
  master: ICAL.Component | null,
  overrides: ICAL.Component[],
  window: EventWindow,
  zone: string,
): Expansion {
  const first = master === null ? null : readTimeProperty(master, "dtstart", zone);
  const byRecurrence = new Map<number, ICAL.Component>();
  for (const override of overrides) {
    const id = recurrenceIdOf(override, first?.allDay ?? false, zone);
    if (id !== null) byRecurrence.set(id, override);
  }
  if (master === null) return { occurrences: orphans(byRecurrence, window, zone), cut: false };

  const dtstart = master.getFirstPropertyValue("dtstart");
  if (first === null || !(dtstart instanceof ICAL.Time)) return { occurrences: [], cut: false };
  const duration = durationOf(master, first, zone);
  const recurring = master.hasProperty("rrule") || master.hasProperty("rdate");
  const excluded = readTimeList(master, "exdate", zone);
  const tzid = tzidOf(master.getFirstProperty("dtstart"));
  const from = new Date(window.from.getTime() - (duration ?? 0));
  const start = expansionStart(master, dtstart, { ...window, from }, MAX_STEPS);
  const expansion = new ICAL.Event(master, { exceptions: [] }).iterator(start.dtstart);

  const occurrences: Occurrence[] = [];
  let cut = start.centred;
  for (let step = 0; ; step++) {
    const next = expansion.next();
    if (!next) break;
    if (step === MAX_STEPS) {
      cut = true;
      break;
    }
    // Converting through Intl is slow; occurrences a day and more before the window can't reach it.
    if (wallClockMs(next) + (duration ?? 0) + DAY_MS < window.from.getTime()) continue;
    const original = resolveIcalTime(next, tzid, zone);
    const originalMs = original.instant.getTime();
    if (original.instant >= window.to) break;
    if (excluded.has(originalMs)) continue;
    const recurrenceId = recurring ? original.instant : null;
    const override = byRecurrence.get(originalMs);
    byRecurrence.delete(originalMs);
    const occurrence =
      override === undefined
        ? {
            component: master,
            start: original,
            end: duration === null ? null : new Date(originalMs + duration),
            recurrenceId,
          }
        : fromOverride(override, recurrenceId, duration, zone);
    if (occurrence !== null && overlaps(occurrence.start.instant, occurrence.end, window)) {
      occurrences.push(occurrence);
    }
    if (!recurring) break;
  }
  // Overrides not met above moved an occurrence into the window from before or after it.
  for (const [originalMs, override] of byRecurrence) {
    if (!recurring || excluded.has(originalMs)) continue;
    const occurrence = fromOverride(override, new Date(originalMs), duration, zone);
    if (occurrence !== null && overlaps(occurrence.start.instant, occurrence.end, window)) {
      occurrences.push(occurrence);
    }
  }
  return { occurrences, cut };
}

/**
 * The original start an override replaces, as epoch milliseconds. Exchange and Outlook write the
 * RECURRENCE-ID of an all-day series as local midnight (`RECURRENCE-ID;TZID=W. Europe Standard
 * Time:20260226T000000`): on a series of dates, such a time names the day it falls on.
 */
function recurrenceIdOf(
  override: ICAL.Component,
  allDaySeries: boolean,
  zone: string,
): number | null {
  const value = override.getFirstPropertyValue("recurrence-id");
  if (allDaySeries && value instanceof ICAL.Time && !value.isDate) {
    return wallClockMs({
      year: value.year,
      month: value.month,
      day: value.day,
      hour: 0,
      minute: 0,
      second: 0,
    });
  }
  return readTimeProperty(override, "recurrence-id", zone)?.instant.getTime() ?? null;
}

/** Overrides whose master the calendar leaves out (Google's "busy" exports do). */
function orphans(
  byRecurrence: Map<number, ICAL.Component>,
  window: EventWindow,
  zone: string,
): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const [originalMs, override] of byRecurrence) {
    const occurrence = fromOverride(override, new Date(originalMs), null, zone);
    if (occurrence !== null && overlaps(occurrence.start.instant, occurrence.end, window)) {
      occurrences.push(occurrence);
    }
  }
  return occurrences;
}
