import { describe, expect, it } from "vitest";
import type { PlanetEvent } from "../../src/model/event.ts";
import { nextChangeAt } from "../../src/select/next-change.ts";
import { selectPosts } from "../../src/select/select-posts.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

const NOW = new Date("2025-01-10T12:00:00Z");
const FEED = "https://ada.example/feed.xml";

const postOn = (published: string) => ({ ...samplePost(FEED, 1), published: new Date(published) });

function event(start: string, end: string | null, allDay = false): PlanetEvent {
  return {
    uid: `${start}@example.org`,
    title: "Release sprint",
    start: new Date(start),
    end: end === null ? null : new Date(end),
    allDay,
    timeZone: allDay ? null : "Europe/Berlin",
    location: null,
    url: null,
    descriptionHtml: "",
    status: "confirmed",
    sequence: 0,
    source: "Munich NixOS Meetup",
    sourceUrl: "https://meetup.example/ical",
    kind: "sprint",
    announced: null,
    updated: null,
    recurrenceId: null,
  };
}

describe("nextChangeAt", () => {
  it("is when the first post held back for its date comes due", () => {
    const posts = [postOn("2025-01-01T00:00:00Z"), postOn("2025-02-01T00:00:00Z")];
    posts.push(postOn("2025-01-20T08:00:00Z"));
    expect(nextChangeAt(posts, [], NOW)).toEqual(new Date("2025-01-20T08:00:00Z"));
  });

  it("with keepMonths, is when the oldest post leaves the months kept", () => {
    const posts = [
      { ...postOn("2024-11-20T06:00:00Z"), key: "old", sourceId: "old", link: null },
      { ...postOn("2025-01-01T00:00:00Z"), key: "new", sourceId: "new", link: null },
    ];
    const at = nextChangeAt(posts, [], NOW, 2);
    expect(at).toEqual(new Date("2025-01-20T06:00:00.001Z"));
    // What selectPosts keeps agrees: the post is there just before that instant, gone at it.
    const kept = (when: Date) => selectPosts(posts, when, 2).length;
    expect(kept(new Date((at as Date).getTime() - 1))).toBe(2);
    expect(kept(at as Date)).toBe(1);
  });

  it("with keepMonths, agrees with selectPosts at a month's end", () => {
    // 31 December + 2 months is 3 March by the calendar; taking 2 months from 1 March is 1 January.
    const posts = [postOn("2024-12-31T12:00:00Z")];
    const now = new Date("2025-02-01T00:00:00Z");
    const at = nextChangeAt(posts, [], now, 2) as Date;
    expect(selectPosts(posts, at, 2)).toEqual([]);
    expect(selectPosts(posts, new Date(at.getTime() - 24 * 60 * 60 * 1000), 2)).toHaveLength(1);
  });

  it("is just after an upcoming event ends, when that comes first", () => {
    const posts = [postOn("2025-03-01T00:00:00Z")];
    const events = [
      event("2025-01-09T18:00:00Z", "2025-01-09T21:00:00Z"),
      event("2025-01-11T18:00:00Z", "2025-01-11T21:00:00Z"),
      event("2025-01-12T00:00:00Z", null, true),
    ];
    expect(nextChangeAt(posts, events, NOW)).toEqual(new Date("2025-01-11T21:00:00.001Z"));
  });

  it("counts an all-day event without an end as upcoming through its day", () => {
    const events = [event("2025-01-10T00:00:00Z", null, true)];
    expect(nextChangeAt([], events, NOW)).toEqual(new Date("2025-01-11T00:00:00.001Z"));
  });

  it("is null when nothing is held back and no event is still to end", () => {
    const events = [event("2025-01-09T18:00:00Z", "2025-01-09T21:00:00Z")];
    expect(nextChangeAt([postOn("2025-01-01T00:00:00Z")], events, NOW)).toBeNull();
  });
});
