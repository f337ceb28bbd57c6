import { describe, expect, it } from "vitest";
import { defaultEventWindow } from "../../src/events/expand-occurrences.ts";
import { EVENTS_KEPT_PER_SOURCE } from "../../src/events/keep-nearest-events.ts";
import { readICalendar } from "../../src/events/read-icalendar.ts";
import type { FetchResult } from "../../src/model/fetch-result.ts";
import { eventBodyReader } from "../../src/refresh/read-event-body.ts";
import { refreshRecord } from "../../src/refresh/refresh-record.ts";
import { type FeedRecord, newFeedRecord } from "../../src/store/feed-record.ts";

const URL_ICS = "https://calendar.example.org/nixos.ics";
const source = { name: "Berlin NixOS Meetup", url: URL_ICS, timezone: "Europe/Berlin" };

/** A calendar as Google and Meetup export it: no CREATED, a DTSTAMP of the export time. */
function calendar(dtstamp: string, extra = ""): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    "BEGIN:VEVENT",
    "UID:hackday-1@example.org",
    `DTSTAMP:${dtstamp}`,
    "DTSTART;TZID=Europe/Berlin:20170422T100000",
    "DTEND;TZID=Europe/Berlin:20170422T180000",
    "SUMMARY:Nix Hackday",
    "LOCATION:c-base\\, Berlin",
    extra,
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ]
    .filter((line) => line !== "")
    .join("\r\n");
}

function fetched(text: string): FetchResult {
  return {
    outcome: "ok",
    url: URL_ICS,
    finalUrl: URL_ICS,
    status: 200,
    body: new TextEncoder().encode(text),
    contentType: "text/calendar",
    validators: { etag: null, lastModified: null },
    redirects: [],
  };
}

async function refresh(previous: FeedRecord, text: string, now: string): Promise<FeedRecord> {
  const at = new Date(now);
  return await refreshRecord(previous, fetched(text), {
    now: at,
    read: eventBodyReader(source, { now: at, language: "en" }),
  });
}

describe("an iCalendar event source", () => {
  it("keeps the first announcement date when every export carries a new DTSTAMP", async () => {
    const first = await refresh(
      newFeedRecord(URL_ICS),
      calendar("20170401T080000Z"),
      "2017-04-01T09:00:00Z",
    );
    const second = await refresh(first, calendar("20170402T080000Z"), "2017-04-02T09:00:00Z");
    expect(first.posts.map((post) => post.published)).toEqual(["2017-04-01T08:00:00.000Z"]);
    expect(second.posts.map((post) => post.published)).toEqual(["2017-04-01T08:00:00.000Z"]);
    expect(second.events.map((event) => event.start)).toEqual(["2017-04-22T08:00:00.000Z"]);
  });

  it("shows a cancellation in the announcement and keeps the event, marked", async () => {
    const first = await refresh(
      newFeedRecord(URL_ICS),
      calendar("20170401T080000Z"),
      "2017-04-01T09:00:00Z",
    );
    const cancelled = await refresh(
      first,
      calendar("20170403T080000Z", "STATUS:CANCELLED\r\nSEQUENCE:1"),
      "2017-04-03T09:00:00Z",
    );
    expect(cancelled.events.map((event) => event.status)).toEqual(["cancelled"]);
    expect(cancelled.posts.map((post) => post.title)).toEqual(["Cancelled: Nix Hackday"]);
    expect(cancelled.posts[0]?.contentHtml).toContain("Cancelled.");
  });

  it("is reported, with the last good copy kept, when it is neither iCalendar nor a feed", async () => {
    const first = await refresh(
      newFeedRecord(URL_ICS),
      calendar("20170401T080000Z"),
      "2017-04-01T09:00:00Z",
    );
    const broken = await refresh(first, "this is not a calendar", "2017-04-02T09:00:00Z");
    expect(broken.error?.kind).toBe("parse");
    expect(broken.events).toHaveLength(1);
    expect(broken.posts).toHaveLength(1);
  });

  it("keeps every occurrence of the window, nearest to now first when over the bound", async () => {
    // A room-booking calendar: every hour from 2016 on, far more than any planet shows.
    const hourly = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
      "BEGIN:VEVENT",
      "UID:hacklab-open@example.org",
      "DTSTAMP:20170401T080000Z",
      "DTSTART;TZID=Europe/Berlin:20160104T090000",
      "DTEND;TZID=Europe/Berlin:20160104T093000",
      "RRULE:FREQ=HOURLY",
      "SUMMARY:Hacklab open",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:meetup-april@example.org",
      "DTSTAMP:20170401T080000Z",
      "DTSTART;TZID=Europe/Berlin:20170406T190000",
      "SUMMARY:Meetup",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const now = Date.parse("2017-04-01T09:00:00Z");
    const whole = readICalendar(hourly, source, defaultEventWindow(new Date(now)));
    const record = await refresh(newFeedRecord(URL_ICS), hourly, "2017-04-01T09:00:00Z");
    const starts = record.events.map((event) => Date.parse(event.start));
    // 455 days of hours (the whole window, expanded), plus the meetup: the bound keeps 5,000
    // around now, next week's meetup included, and says how many it left out.
    expect(whole.ok && whole.events.length).toBeGreaterThan(455 * 24);
    expect(record.events).toHaveLength(EVENTS_KEPT_PER_SOURCE);
    expect(record.eventsLeftOut).toBe(
      (whole.ok ? whole.events.length : 0) - EVENTS_KEPT_PER_SOURCE,
    );
    expect(record.seriesCut).toBe(0);
    expect(record.events.some((event) => event.title === "Meetup")).toBe(true);
    expect(Math.min(...starts)).toBeLessThan(now - 100 * 3600 * 1000);
    expect(Math.max(...starts)).toBeGreaterThan(now + 100 * 3600 * 1000);
  });
});
