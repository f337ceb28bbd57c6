import { zoneOffsetAt } from "../events/zoned-time.ts";
import type { PlanetEvent } from "../model/event.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { htmlToText } from "../text/html-to-text.ts";
import type { EventPage } from "./event-pages.ts";

/** Words that say an event happens online rather than at a place. */
const ONLINE_WORDS = /\b(?:online|virtual|remote|livestream|zoom|jitsi|meet\.google)\b/i;

/**
 * The schema.org `Event` of an event page (https://schema.org/Event), as search engines read it
 * from `<script type="application/ld+json">`.
 */
export function eventJsonLd(site: Site, page: EventPage, sourceLink: string | null): object {
  const { event } = page;
  const online = isOnline(event);
  const description = htmlToText(event.descriptionHtml);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    startDate: schemaDate(event.start, event),
    endDate: event.end === null ? undefined : schemaDate(endDay(event.end, event), event),
    eventStatus:
      event.status === "cancelled"
        ? "https://schema.org/EventCancelled"
        : "https://schema.org/EventScheduled",
    eventAttendanceMode: online
      ? "https://schema.org/OnlineEventAttendanceMode"
      : "https://schema.org/OfflineEventAttendanceMode",
    location: online
      ? {
          "@type": "VirtualLocation",
          url: onlineUrl(event) ?? planetUrl(site, `events/${page.slug}/`),
        }
      : event.location === null
        ? undefined
        : { "@type": "Place", name: event.location, address: event.location },
    description: description || undefined,
    organizer: { "@type": "Organization", name: event.source, url: sourceLink ?? undefined },
    url: planetUrl(site, `events/${page.slug}/`),
    sameAs: event.url ?? undefined,
  };
}

/**
 * JSON for inside a `<script>` element: `<` written as \u003c, so no `</script>` or `<!--` in a
 * title or description can end the element early; JSON readers decode it back.
 */
export function scriptJson(value: object): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** An online event: its place is a web address, or says it is online, or it has none but a page. */
function isOnline(event: PlanetEvent): boolean {
  if (event.location === null) return false;
  return isHttpUrl(event.location) || ONLINE_WORDS.test(event.location);
}

function onlineUrl(event: PlanetEvent): string | null {
  if (event.location !== null && isHttpUrl(event.location)) return event.location;
  return event.url;
}

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim()) && URL.canParse(text.trim());
}

/** An all-day event's end is exclusive: schema.org's endDate is its last day. */
function endDay(end: Date, event: PlanetEvent): Date {
  return event.allDay ? new Date(Math.max(event.start.getTime(), end.getTime() - DAY_MS)) : end;
}

const DAY_MS = 24 * 3600 * 1000;

/** ISO 8601 with the event's own UTC offset (`2017-03-30T19:00:00+02:00`), or a date if all day. */
export function schemaDate(instant: Date, event: PlanetEvent): string {
  if (event.allDay) return instant.toISOString().slice(0, 10);
  const offset = zoneOffsetAt(instant.getTime(), event.timeZone ?? "UTC");
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const minutes = Math.abs(offset) / 60_000;
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}
