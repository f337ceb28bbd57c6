// Dates are parsed by hand, never by `new Date(string)`: V8's legacy parser reads zone-less
// strings in the machine's local time, so the same feed would give different instants on
// different machines. Every form below without a zone is read as UTC instead.

/** Earliest year a feed date may name; anything before is a placeholder or a typo. */
const MIN_YEAR = 1970;
/** Latest year a feed date may name. */
const MAX_YEAR = 9999;

const MONTHS = new Map<string, number>(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(
    (name, index) => [name, index + 1],
  ),
);

/** Zone names seen in feeds, as minutes east of UTC. Unknown names fall back to UTC. */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
};

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

// [weekday,] day month year [hh:mm[:ss]] [zone] — RFC 822/2822 and its many variants.
const RFC_DATE =
  /^(?:[a-z]+\.?(?:,\s*|\s+))?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{4}|\d{2})(?!\d)(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(.*)$/i;

// [weekday,] month day, year [hh:mm[:ss]] [zone] — the American order some generators use.
const US_DATE =
  /^(?:[a-z]+\.?(?:,\s*|\s+))?([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(.*)$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** Parses a feed date (ISO 8601/RFC 3339, RFC 822/2822 and common variants) into an instant, or null. */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return checkInstant(value);
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\s+/g, " ");
  const parts = readIsoDate(text) ?? readNamedMonthDate(text);
  return parts === null ? null : toInstant(parts);
}

function readIsoDate(text: string): DateParts | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = readZone(zone ?? "");
  if (offset === null) return null;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    ...readTime(hour, minute, second, fraction),
    offset,
  };
}

function readNamedMonthDate(text: string): DateParts | null {
  const rfc = RFC_DATE.exec(text);
  const us = rfc === null ? US_DATE.exec(text) : null;
  const match = rfc ?? us;
  if (match === null) return null;
  const [, first, second, year, hour, minute, seconds, fraction, zone] = match;
  const [day, monthName] = rfc !== null ? [first, second] : [second, first];
  const month = MONTHS.get((monthName ?? "").slice(0, 3).toLowerCase());
  const offset = readZone(zone ?? "");
  if (month === undefined || offset === null || year === undefined) return null;
  return {
    year: expandYear(year),
    month,
    day: Number(day),
    ...readTime(hour, minute, seconds, fraction),
    offset,
  };
}

/** Two-digit years: 70–99 are the 1900s, 00–69 the 2000s (no feed predates 1970). */
function expandYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

type TimeOfDay = Pick<DateParts, "hour" | "minute" | "second" | "millisecond">;

/** The time of day from a match's optional groups: a missing one is 0, a fraction is cut to ms. */
function readTime(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
): TimeOfDay {
  return {
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0")),
  };
}

/** Minutes east of UTC for a zone designator; "" (no zone) is UTC; null if not a zone at all. */
function readZone(zone: string): number | null {
  const text = zone.trim().replace(/^\((.*)\)$/, "$1");
  if (text === "") return 0;
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{2}):?(\d{2})?(?:\s*\([^)]*\))?$/i.exec(text);
  if (numeric !== null) {
    const [, sign, hours, minutes] = numeric;
    const magnitude = Number(hours) * 60 + Number(minutes ?? 0);
    return sign === "-" ? -magnitude : magnitude;
  }
  if (!/^[a-z]{1,5}$/i.test(text)) return null;
  // Military letters and unknown abbreviations: RFC 2822 says to treat them as UTC, and
  // an instant a few hours off beats dropping the date.
  return NAMED_ZONES[text.toUpperCase()] ?? 0;
}

function toInstant(parts: DateParts): Date | null {
  const { year, month, day, hour, minute, offset } = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || parts.second > 60 || Math.abs(offset) > 18 * 60) return null;
  // A leap second (:60) is shown as the last second of its minute.
  const second = Math.min(parts.second, 59);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, parts.millisecond);
  return checkInstant(new Date(utc - offset * 60_000));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkInstant(date: Date): Date | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? null : new Date(time);
}
