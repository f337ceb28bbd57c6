import ical, {
  escape as escapeIcalText,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { EventStatus, PlanetEvent } from "../model/event.ts";
import { htmlToLines } from "./html-to-lines.ts";

/** What a calendar file says about itself. */
export interface CalendarMeta {
  /** X-WR-CALNAME. */
  name: string;
  /** X-WR-CALDESC. */
  description: string;
  /** The calendar's own URL (the .ics file). */
  url: string;
  /** The build's "now": every DTSTAMP. */
  now: Date;
}

/** How often subscribers should fetch the calendar again, in seconds. */
const REFRESH_SECONDS = 3600;

const STATUS: Record<EventStatus, ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Characters no iCalendar text may hold (controls other than tab and line breaks, lone
 * surrogates); line breaks are escaped as \n by ical-generator, so none can start a new line.
 */
function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "")
    .replace(/[\p{Cc}\u2028\u2029]/gu, (char) => ("\t\r\n".includes(char) ? char : ""));
}

/** A UID as TEXT: one line, with \ ; , escaped (ical-generator writes UIDs as given). */
function uidText(uid: string): string {
  return escapeIcalText(
    cleanText(uid)
      .replace(/[\r\n]+/g, " ")
      .trim(),
    false,
  );
}

/** 2017-03-30T17:00:00.000Z → 20170330T170000Z (a date alone for all-day events). */
export function basicFormat(iso: string, allDay: boolean): string {
  const compact = iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
  return allDay ? compact.slice(0, 8) : compact;
}

/**
 * The UID an occurrence has in our calendars: the source's UID, and for an occurrence of a
 * recurring event its original start too. Each occurrence is its own event rather than an
 * override (RECURRENCE-ID) of a master we do not emit, which several subscribing apps ignore.
 */
export function calendarUid(event: PlanetEvent): string {
  const recurrence =
    event.recurrenceId === null ? "" : `#${basicFormat(event.recurrenceId, event.allDay)}`;
  return `${event.uid}${recurrence}`;
}

/** The description as text lines, ending with the event's link (many apps hide the URL property). */
function descriptionText(event: PlanetEvent): string {
  const lines = htmlToLines(event.descriptionHtml);
  const url = uriValue(event.url);
  if (url !== null && !lines.some((line) => line.includes(url))) lines.push(url);
  return cleanText(lines.join("\n"));
}

/** The URL as a URI value: http(s) only, and free of the characters TEXT escaping would alter. */
function uriValue(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.replace(
    /[;,\\]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * An RFC 5545 calendar of the events: CRLF, lines folded at 75 octets on character boundaries
 * (ical-generator folds by UTF-8 length), text escaped. Times are written in UTC, so no TZID and
 * no VTIMEZONE is needed and every app shows them at the right local time; all-day events are
 * dates. A cancelled event keeps its UID with STATUS:CANCELLED and SEQUENCE one above the source's.
 */
export function renderCalendar(events: readonly PlanetEvent[], meta: CalendarMeta): string {
  const calendar = ical({
    prodId: { company: "planet", product: "events", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    scale: "gregorian",
    name: escapeIcalText(cleanText(meta.name).replace(/[\r\n]+/g, " "), false),
    description: escapeIcalText(cleanText(meta.description), false),
    url: uriValue(meta.url),
    ttl: REFRESH_SECONDS,
  });
  const ordered = [...events].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || compare(calendarUid(a), calendarUid(b)),
  );
  for (const event of ordered) {
    const cancelled = event.status === "cancelled";
    calendar.createEvent({
      id: uidText(calendarUid(event)),
      sequence: event.sequence + (cancelled ? 1 : 0),
      stamp: meta.now,
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      summary: cleanText(event.title),
      description: descriptionText(event) || null,
      location: event.location === null ? null : cleanText(event.location),
      url: uriValue(event.url),
      status: STATUS[event.status],
      categories: [{ name: event.kind }],
      created: event.announced,
      lastModified: event.updated,
    });
  }
  return `${calendar.toString()}\r\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
