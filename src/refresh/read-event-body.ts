import type { EventSourceConfig } from "../config/schema.ts";
import { eventToPost } from "../events/event-to-post.ts";
import { defaultEventWindow } from "../events/expand-occurrences.ts";
import { readICalendar } from "../events/read-icalendar.ts";
import { readMeetupRss } from "../events/read-meetup-rss.ts";
import type { PlanetEvent } from "../model/event.ts";
import type { Post } from "../model/post.ts";
import { resolveHttpUrl } from "../normalize/resolve-url.ts";
import { parseFeed } from "../parse/parse-feed.ts";
import { type BodyReader, type BodyReading, firstSeenOf } from "./body-reader.ts";

/**
 * Reads an event source: an iCalendar feed or file, else a Meetup-style group RSS feed.
 * Its events also become announcement posts in the stream, one per event (one per series
 * for recurring events), dated by when they were announced.
 */
export function eventBodyReader(
  source: EventSourceConfig,
  options: { now: Date; language: string },
): BodyReader {
  return (text, finalUrl, previous) => {
    const input = {
      name: source.name,
      url: source.url,
      timezone: source.timezone,
      kinds: source.kinds,
    };
    let reading: {
      events: PlanetEvent[];
      title: string | null;
      link: string | null;
      seriesCut: number;
    };
    if (/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ""))) {
      const calendar = readICalendar(text, input, defaultEventWindow(options.now));
      if (!calendar.ok) return { ok: false, message: calendar.message, advertisedFeeds: [] };
      reading = { events: calendar.events, title: null, link: null, seriesCut: calendar.cutSeries };
    } else {
      const parsed = parseFeed(text);
      if (!parsed.ok) {
        const message = `neither iCalendar nor a feed: ${parsed.error.message}`;
        return { ok: false, message, advertisedFeeds: [] };
      }
      const link = resolveHttpUrl(parsed.feed.link, parsed.feed.base, finalUrl);
      const events = readMeetupRss(parsed.feed, input);
      reading = { events, title: parsed.feed.title, link, seriesCut: 0 };
    }
    const memberLink = source.link ?? reading.link;
    const posts = announcements(reading.events, {
      memberLink,
      language: options.language,
      firstSeen: firstSeenOf(previous),
      announcedBefore: Object.fromEntries(
        previous.posts.map((post) => [post.sourceId, post.published]),
      ),
      now: options.now,
    });
    return { ok: true, ...reading, link: memberLink, posts } satisfies BodyReading;
  };
}

/** One announcement per event, or per series: its first occurrence on or after it was announced. */
function announcements(
  events: readonly PlanetEvent[],
  options: {
    memberLink: string | null;
    language: string;
    firstSeen: Record<string, string>;
    /** When earlier builds saw each event announced, by UID. */
    announcedBefore: Record<string, string | null>;
    now: Date;
  },
): Post[] {
  const series = new Map<string, PlanetEvent[]>();
  for (const event of events) series.set(event.uid, [...(series.get(event.uid) ?? []), event]);
  return [...series.entries()].flatMap(([uid, occurrences]) => {
    const sorted = [...occurrences].sort((a, b) => a.start.getTime() - b.start.getTime());
    const [first] = sorted;
    if (!first) return [];
    const seen = options.firstSeen[uid];
    const firstSeen = seen ? new Date(seen) : options.now;
    // Calendars that stamp every export (DTSTAMP without CREATED) would move the announcement
    // forward on every build: the earliest announcement ever seen stands.
    const announced = earliest(first.announced, options.announcedBefore[uid] ?? null);
    const from = (announced ?? firstSeen).getTime();
    const shown = sorted.find((event) => event.start.getTime() >= from) ?? first;
    // The series is announced once, under its UID, whichever occurrence it shows.
    return [eventToPost({ ...shown, announced, recurrenceId: null }, { ...options, firstSeen })];
  });
}

function earliest(date: Date | null, iso: string | null): Date | null {
  const before = iso === null ? null : new Date(iso);
  if (date === null || before === null) return date ?? before;
  return before < date ? before : date;
}
