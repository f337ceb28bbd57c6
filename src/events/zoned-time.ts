import { dateTimeFormat } from "../text/date-time-format.ts";

/** A wall-clock date and time, as written in a calendar (month 1–12). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  return dateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    era: "short",
  });
}

/** Whether this Node.js knows the IANA zone name (e.g. Europe/Berlin). */
export function isIanaZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetAt(epochMs: number, zone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs))) {
    parts[part.type] = part.value;
  }
  const year = Number(parts.year);
  const wall = Date.UTC(
    parts.era === "BC" ? 1 - year : year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The same wall-clock time read as if it were UTC, in milliseconds. */
export function wallClockMs(parts: LocalParts): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return date.getTime();
}

const HALF_DAY = 12 * 3600 * 1000;

/**
 * The instant a wall-clock time in an IANA zone stands for, the way RFC 5545 (3.3.5) reads it:
 * a time that occurs twice (clocks going back) is the first of the two; a time skipped by
 * clocks going forward is read with the offset from before the gap (02:30 → 03:30 summer time).
 */
export function zonedTimeToInstant(parts: LocalParts, zone: string): Date {
  const wall = wallClockMs(parts);
  const before = zoneOffsetAt(wall - HALF_DAY, zone);
  const after = zoneOffsetAt(wall + HALF_DAY, zone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - zoneOffsetAt(instant, zone) === instant);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}
