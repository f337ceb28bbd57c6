import { type LocalParts, wallClockMs } from "./zoned-time.ts";

const MONTHS = [
  ...["january", "february", "march", "april", "may", "june"],
  ...["july", "august", "september", "october", "november", "december"],
];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * A Meetup date line: "Saturday, March 25 at 11:00 AM". The year is usually missing; a
 * 24-hour time ("at 19:00") and an explicit year ("March 25, 2017") are read too.
 */
const DATE_LINE =
  /^(?:(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?,?\s+(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?(?:m\.?)?$/i;

/** What a date line says, before its year is known. */
export interface MeetupDate {
  /** 1–12. */
  month: number;
  day: number;
  /** Written year, or null when the line has none. */
  year: number | null;
  /** 0 (Sunday) – 6, when the line names the day. */
  weekday: number | null;
  hour: number;
  minute: number;
}

/** Reads one line of text as a Meetup date line; null when it is not one. */
export function parseMeetupDateLine(line: string): MeetupDate | null {
  const match = DATE_LINE.exec(line.trim());
  if (match === null) return null;
  const [, weekdayName, monthName, dayText, yearText, hourText, minuteText, meridiem] = match;
  const month =
    MONTHS.findIndex(
      (name) =>
        monthName !== undefined &&
        name.startsWith(monthName.toLowerCase()) &&
        monthName.length >= 3,
    ) + 1;
  const weekday =
    weekdayName === undefined
      ? null
      : WEEKDAYS.findIndex((name) => name.startsWith(weekdayName.toLowerCase().slice(0, 3)));
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  } else if (minuteText === undefined) {
    return null;
  }
  const day = Number(dayText);
  if (month === 0 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return {
    month,
    day,
    year: yearText === undefined ? null : Number(yearText),
    weekday,
    hour,
    minute,
  };
}

function existsAndWeekday(year: number, month: number, day: number): number | null {
  const date = new Date(wallClockMs({ year, month, day, hour: 0, minute: 0, second: 0 }));
  return date.getUTCMonth() === month - 1 ? date.getUTCDay() : null;
}

/**
 * The wall-clock time a date line means. Without a year: the first such date on or after the
 * announcement's local date; when the line names a weekday that fits only the year after, that
 * year. Null when the date cannot exist (February 30).
 */
export function completeMeetupDate(
  date: MeetupDate,
  announcedLocal: LocalParts,
): LocalParts | null {
  const time = {
    month: date.month,
    day: date.day,
    hour: date.hour,
    minute: date.minute,
    second: 0,
  };
  if (date.year !== null) {
    return existsAndWeekday(date.year, date.month, date.day) === null
      ? null
      : { year: date.year, ...time };
  }
  const before =
    date.month < announcedLocal.month ||
    (date.month === announcedLocal.month && date.day < announcedLocal.day);
  const first = announcedLocal.year + (before ? 1 : 0);
  // Feb 29 waits for a leap year; four years cover it.
  const candidates = [0, 1, 2, 3, 4, 5, 6, 7]
    .map((offset) => first + offset)
    .filter((year) => existsAndWeekday(year, date.month, date.day) !== null);
  const earliest = candidates[0];
  if (earliest === undefined) return null;
  const next = candidates[1];
  const fits = (year: number) => existsAndWeekday(year, date.month, date.day) === date.weekday;
  const year =
    date.weekday !== null && !fits(earliest) && next !== undefined && fits(next) ? next : earliest;
  return { year, ...time };
}
