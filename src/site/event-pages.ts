import type { PlanetEvent } from "../model/event.ts";
import type { Site } from "../model/site.ts";
import { eventEnd } from "../select/select-events.ts";
import { sha256Hex } from "../text/sha256.ts";
import { slugify } from "./member-pages.ts";
import { oncePerObject } from "./once-per-object.ts";
import { hrefTo } from "./page-links.ts";

/** An event of the planet with a page of its own, `events/<slug>/`. */
export interface EventPage {
  /** URL path segment under events/: the title's words and a digest of the event's identity. */
  slug: string;
  /** The occurrence the page shows: the next one not yet over, else the last one. */
  event: PlanetEvent;
}

/** Long titles make unwieldy addresses; the digest keeps shortened ones apart. */
const MAX_TITLE_SLUG = 60;

/**
 * One page per event, not per occurrence: a recurring event's occurrences share their source's
 * UID and one page, which shows the next occurrence (or, once all are past, the last). Soonest
 * first. The slug is the event's title and a digest of its UID: the same on every build while
 * the source keeps them, and two events with one title still get two pages.
 */
export const eventPages: (site: Site) => EventPage[] = oncePerObject((site: Site) => {
  const series = new Map<string, PlanetEvent[]>();
  for (const event of site.events) {
    const key = seriesKey(event);
    series.set(key, [...(series.get(key) ?? []), event]);
  }
  const now = site.now.getTime();
  const pages = [...series.entries()].map(([key, occurrences]) => {
    const upcoming = occurrences.filter((event) => eventEnd(event) >= now);
    const shown = upcoming.length > 0 ? earliest(upcoming) : latest(occurrences);
    return { slug: slugOf(seriesTitle(occurrences), key), event: shown };
  });
  return pages.sort(
    (a, b) => a.event.start.getTime() - b.event.start.getTime() || a.slug.localeCompare(b.slug),
  );
});

const slugByEvent: (site: Site) => Map<string, string> = oncePerObject(
  (site: Site) => new Map(eventPages(site).map((page) => [seriesKey(page.event), page.slug])),
);

/** The path of the page of the event `event` is an occurrence of, e.g. `events/munich-…/`. */
export function eventPagePath(site: Site, event: PlanetEvent): string | null {
  const slug = slugByEvent(site).get(seriesKey(event));
  return slug === undefined ? null : `events/${slug}/`;
}

/** Site-relative href of the page of the event `event` is an occurrence of. */
export function eventPageHref(site: Site, event: PlanetEvent): string | null {
  const path = eventPagePath(site, event);
  return path === null ? null : hrefTo(site, path);
}

/**
 * Occurrences of one event share its UID. The source is left out, as dedupe-events.ts leaves it
 * out: a UID is the event's across sources, and a calendar that moves keeps its pages.
 */
function seriesKey(event: PlanetEvent): string {
  return event.uid;
}

function slugOf(title: string, key: string): string {
  const words = slugify(title, "event").slice(0, MAX_TITLE_SLUG).replace(/-+$/, "");
  const digest = sha256Hex(key, 8);
  return `${words}-${digest}`;
}

/**
 * The title of a series: the one most of its occurrences carry, so that one moved and retitled
 * occurrence ("… (room 2)") does not rename the page while it is the next one.
 */
function seriesTitle(occurrences: readonly PlanetEvent[]): string {
  const counts = new Map<string, number>();
  for (const { title } of occurrences) counts.set(title, (counts.get(title) ?? 0) + 1);
  let best = occurrences[0]?.title ?? "";
  for (const [title, count] of counts) if (count > (counts.get(best) ?? 0)) best = title;
  return best;
}

function earliest(events: readonly PlanetEvent[]): PlanetEvent {
  return events.reduce((a, b) => (b.start < a.start ? b : a));
}

function latest(events: readonly PlanetEvent[]): PlanetEvent {
  return events.reduce((a, b) => (b.start > a.start ? b : a));
}

/** The page of the group that publishes the event (its source's `link` in feeds.json), if any. */
export function eventSourceLink(site: Site, event: PlanetEvent): string | null {
  return site.config.events.find((source) => source.url === event.sourceUrl)?.link ?? null;
}
