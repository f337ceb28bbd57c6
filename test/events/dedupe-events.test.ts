import { describe, expect, it } from "vitest";
import { dedupeEvents } from "../../src/events/dedupe-events.ts";
import { sampleEvent } from "./event-fixtures.ts";

describe("dedupeEvents", () => {
  it("keeps one of the same uid from two sources, the higher SEQUENCE", () => {
    const older = sampleEvent({ source: "A", sequence: 0 });
    const newer = sampleEvent({ source: "B", sequence: 2, title: "Moved" });
    expect(dedupeEvents([older, newer])).toEqual([newer]);
    expect(dedupeEvents([newer, older])).toEqual([newer]);
  });

  it("then the later update, then the first given", () => {
    const early = sampleEvent({ source: "A", updated: new Date("2017-03-01T00:00:00Z") });
    const late = sampleEvent({ source: "B", updated: new Date("2017-03-02T00:00:00Z") });
    expect(dedupeEvents([late, early])).toEqual([late]);
    expect(dedupeEvents([early, late])).toEqual([late]);
    const twin = sampleEvent({ source: "C", updated: early.updated });
    expect(dedupeEvents([early, twin])).toEqual([early]);
  });

  it("matches the same event page under different uids (Meetup iCal and RSS)", () => {
    const ical = sampleEvent({ uid: "event_238579447@meetup.com", sequence: 1 });
    const rss = sampleEvent({ uid: ical.url ?? "", updated: null });
    expect(dedupeEvents([rss, ical])).toEqual([ical]);
    expect(dedupeEvents([ical, rss])).toEqual([ical]);
  });

  it("keeps distinct events that link the same page apart (a holiday calendar)", () => {
    // Google's "Holidays in Germany": every day links the same explanation page.
    const page = "https://www.google.com/calendar/holidays/de";
    const easter = sampleEvent({ uid: "20270328_de@holiday.calendar.google.com", url: page });
    const whit = sampleEvent({ uid: "20270516_de@holiday.calendar.google.com", url: page });
    expect(dedupeEvents([easter, whit])).toEqual([easter, whit]);
    // An RSS item known by that page is one of them, not a third event.
    const rss = sampleEvent({ uid: page, url: page, source: "Other" });
    expect(dedupeEvents([easter, whit, rss])).toEqual([easter, whit]);
  });

  it("keeps different occurrences of one recurring event apart", () => {
    const a = sampleEvent({ recurrenceId: "2017-03-09T18:00:00.000Z" });
    const b = sampleEvent({ recurrenceId: "2017-03-23T18:00:00.000Z" });
    expect(dedupeEvents([a, b, a])).toEqual([a, b]);
  });

  it("keeps different events apart, in order", () => {
    const a = sampleEvent({ uid: "a", url: "https://e.example/a" });
    const b = sampleEvent({ uid: "b", url: null });
    const c = sampleEvent({ uid: "c", url: null });
    expect(dedupeEvents([a, b, c])).toEqual([a, b, c]);
  });
});
