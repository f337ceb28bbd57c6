import ICAL from "ical.js";
import { errorMessage } from "../model/caught-error.ts";
import type { EventStatus, PlanetEvent } from "../model/event.ts";
import { resolveHttpUrl } from "../normalize/resolve-url.ts";
import { sanitizeContent } from "../sanitize/sanitize-content.ts";
import { limitOrNull, limitText, TEXT_LIMITS } from "../text/limit-text.ts";
import { sha256Hex } from "../text/sha256.ts";
import { textToHtml } from "../text/text-to-html.ts";
import { classifyEvent, type KindRules } from "./classify-kind.ts";
import { type EventWindow, expandOccurrences, type Occurrence } from "./expand-occurrences.ts";
import { readTimeProperty } from "./resolve-ical-time.ts";

/** What the readers need to know about an event source (feeds.json `events[]`). */
export interface EventSourceInput {
  name: string;
  url: string;
  /** IANA zone of times written without one; UTC when absent. */
  timezone?: string;
  /** The owner's classification rules for this source. */
  kinds?: KindRules;
}

/** The events of one iCalendar document, or why it could not be read. */
export type ReadICalendarResult =
  | {
      ok: true;
      events: PlanetEvent[];
      /** VEVENTs that could not be read. */
      skipped: number;
      /** Recurring events with more occurrences in the window than one series may expand. */
      cutSeries: number;
    }
  | { ok: false; message: string };

/** CREATED:19000101… and the like are placeholders, not dates: iCalendar dates from 1998. */
const EARLIEST_STAMP = Date.UTC(1998, 0, 1);

/**
 * Reads an iCalendar document into one PlanetEvent per occurrence that overlaps the window.
 * A VEVENT that cannot be read is skipped and counted; never throws.
 */
export function readICalendar(
  text: string,
  source: EventSourceInput,
  window: EventWindow,
): ReadICalendarResult {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (!/^BEGIN:VCALENDAR\b/i.test(body)) {
    return {
      ok: false,
      message: `not an iCalendar document (it starts with "${body.slice(0, 30)}")`,
    };
  }
  let calendars: ICAL.Component[];
  try {
    calendars = topLevelJcal(ICAL.parse(body)).map((jcal) => new ICAL.Component(jcal));
  } catch (error) {
    return { ok: false, message: `could not read the iCalendar: ${errorMessage(error)}` };
  }
  const zone = source.timezone ?? "UTC";
  const events: PlanetEvent[] = [];
  let skipped = 0;
  let cutSeries = 0;
  for (const group of groupByUid(calendars.flatMap((c) => c.getAllSubcomponents("vevent")))) {
    try {
      const expansion = expandOccurrences(group.master, group.overrides, window, zone);
      for (const occurrence of expansion.occurrences) {
        events.push(toPlanetEvent(occurrence, group.master, source));
      }
      if (expansion.cut) cutSeries++;
    } catch {
      skipped++;
    }
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || compare(a.uid, b.uid));
  return { ok: true, events, skipped, cutSeries };
}

/** ICAL.parse gives one jCal component, or a list of them when the text holds several. */
function topLevelJcal(parsed: unknown): unknown[][] {
  if (!Array.isArray(parsed)) return [];
  if (typeof parsed[0] === "string") return [parsed];
  return parsed.filter((item): item is unknown[] => Array.isArray(item));
}

interface UidGroup {
  master: ICAL.Component | null;
  overrides: ICAL.Component[];
}

/** VEVENTs sharing a UID: the first without RECURRENCE-ID is the master, the rest override it. */
function groupByUid(vevents: ICAL.Component[]): UidGroup[] {
  const groups = new Map<string, UidGroup>();
  vevents.forEach((vevent, index) => {
    const uid = text(vevent, "uid");
    const group = groups.get(uid ?? `\0${index}`) ?? { master: null, overrides: [] };
    if (vevent.hasProperty("recurrence-id")) group.overrides.push(vevent);
    else if (group.master === null) group.master = vevent;
    groups.set(uid ?? `\0${index}`, group);
  });
  return [...groups.values()];
}

function toPlanetEvent(
  occurrence: Occurrence,
  master: ICAL.Component | null,
  source: EventSourceInput,
): PlanetEvent {
  const own = occurrence.component;
  const field = (name: string) => text(own, name) ?? (master === null ? null : text(master, name));
  const zone = source.timezone ?? "UTC";
  const title = limitText(field("summary") ?? "Untitled event", TEXT_LIMITS.title);
  const description = field("description") ?? "";
  const url = resolveHttpUrl(field("url"));
  const categories = [own, master].flatMap((c) => (c === null ? [] : categoriesOf(c)));
  return {
    uid: text(own, "uid") ?? fingerprint(own),
    title,
    start: occurrence.start.instant,
    end: occurrence.end,
    allDay: occurrence.start.allDay,
    timeZone: occurrence.start.zone,
    location: limitOrNull(field("location"), TEXT_LIMITS.name),
    url,
    descriptionHtml: sanitizeContent(textToHtml(description), url),
    status: statusOf(field("status")),
    sequence: sequenceOf(own.getFirstPropertyValue("sequence")),
    source: source.name,
    sourceUrl: source.url,
    kind: classifyEvent(title, description, [...new Set(categories)], source.kinds),
    announced: stamp(own, "created", zone) ?? stamp(own, "dtstamp", zone),
    updated: stamp(own, "last-modified", zone),
    recurrenceId: occurrence.recurrenceId?.toISOString() ?? null,
  };
}

/** A text property, trimmed; null when absent or empty. */
function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function categoriesOf(component: ICAL.Component): string[] {
  return component
    .getAllProperties("categories")
    .flatMap((property) => property.getValues())
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    .map((value) => value.trim());
}

function statusOf(status: string | null): EventStatus {
  switch (status?.toUpperCase()) {
    case "CANCELLED":
      return "cancelled";
    case "TENTATIVE":
      return "tentative";
    default:
      return "confirmed";
  }
}

function sequenceOf(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

function stamp(component: ICAL.Component, name: string, zone: string): Date | null {
  const time = readTimeProperty(component, name, zone);
  if (time === null || time.instant.getTime() < EARLIEST_STAMP) return null;
  return time.instant;
}

/**
 * A VEVENT without UID is known by what it says and when, never by its position, nor by its URL
 * alone: a holiday calendar's days may all link the same page.
 */
function fingerprint(component: ICAL.Component): string {
  const basis = ["summary", "dtstart", "location", "url"].map((name) => {
    const value = component.getFirstProperty(name)?.toICALString() ?? "";
    return value;
  });
  return `${sha256Hex(basis.join("\n"), 32)}@planet`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
