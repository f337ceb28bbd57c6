import sanitizeHtml from "sanitize-html";
import type { PlanetEvent } from "../model/event.ts";
import type { ParsedEntry, ParsedFeed } from "../model/parsed-feed.ts";
import { resolveHttpUrl } from "../normalize/resolve-url.ts";
import { sanitizeContent } from "../sanitize/sanitize-content.ts";
import { collapseWhitespace, htmlToText } from "../text/html-to-text.ts";
import { limitOrNull, limitText, TEXT_LIMITS } from "../text/limit-text.ts";
import { classifyEvent } from "./classify-kind.ts";
import { htmlToLines, LINE_BREAKING_TAGS } from "./html-to-lines.ts";
import { completeMeetupDate, parseMeetupDateLine } from "./parse-meetup-date.ts";
import type { EventSourceInput } from "./read-icalendar.ts";
import { type LocalParts, zonedTimeToInstant, zoneOffsetAt } from "./zoned-time.ts";

/** "München - Germany": a place, a spaced hyphen, a country. */
const PLACE_LINE = /^[^\n]{1,100}\s[-–]\s[^\n]{1,60}$/;

/**
 * Reads a Meetup-style group RSS feed (already parsed with parseFeed): each item announces an
 * event whose date, time and place are lines of its HTML. Items with no date line, no date to
 * infer the year from, or no guid/link are not events and are left out (they are not posts either).
 */
export function readMeetupRss(feed: ParsedFeed, source: EventSourceInput): PlanetEvent[] {
  const events: PlanetEvent[] = [];
  for (const entry of feed.entries) {
    const event = readItem(entry, feed, source);
    if (event !== null) events.push(event);
  }
  return events;
}

function readItem(
  entry: ParsedEntry,
  feed: ParsedFeed,
  source: EventSourceInput,
): PlanetEvent | null {
  const zone = source.timezone ?? "UTC";
  const announced = entry.published ?? entry.updated;
  const html = entry.contentHtml ?? "";
  const lines = htmlToLines(html);
  const dateIndex = lines.findIndex((line) => parseMeetupDateLine(line) !== null);
  const date = parseMeetupDateLine(lines[dateIndex] ?? "");
  if (date === null || announced === null) return null;
  const local = completeMeetupDate(date, localPartsOf(announced, zone));
  const link = resolveHttpUrl(entry.link, entry.base, feed.base, feed.link, source.url);
  const uid = entry.id?.trim() || link;
  if (local === null || !uid) return null;

  const placeLine = lines[dateIndex - 1];
  const location = placeLine !== undefined && PLACE_LINE.test(placeLine) ? placeLine : null;
  const dropped = new Set([lines[dateIndex], location].filter((line) => line != null));
  const descriptionHtml = sanitizeContent(removeLines(html, dropped), link ?? feed.link);
  const title = limitText(entry.title?.trim() || "Untitled event", TEXT_LIMITS.title);
  return {
    uid,
    title,
    start: zonedTimeToInstant(local, zone),
    end: null,
    allDay: false,
    timeZone: zone,
    location: limitOrNull(location, TEXT_LIMITS.name),
    url: link,
    descriptionHtml,
    status: "confirmed",
    sequence: 0,
    source: source.name,
    sourceUrl: source.url,
    kind: classifyEvent(title, htmlToText(descriptionHtml), entry.categories, source.kinds),
    announced,
    updated: entry.updated,
    recurrenceId: null,
  };
}

/** The wall-clock date and time an instant shows in a zone. */
function localPartsOf(instant: Date, zone: string): LocalParts {
  const local = new Date(instant.getTime() + zoneOffsetAt(instant.getTime(), zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The HTML without the paragraphs whose whole text is one of `lines` (shown apart by the planet). */
function removeLines(html: string, lines: ReadonlySet<string>): string {
  if (lines.size === 0) return html;
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter: (frame) =>
      LINE_BREAKING_TAGS.has(frame.tag) && lines.has(collapseWhitespace(frame.text)),
  });
}
