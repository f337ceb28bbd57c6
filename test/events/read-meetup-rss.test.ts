import { describe, expect, it } from "vitest";
import { readMeetupRss } from "../../src/events/read-meetup-rss.ts";
import type { ParsedFeed } from "../../src/model/parsed-feed.ts";
import { parseFeed } from "../../src/parse/parse-feed.ts";
import { readEventFixture } from "./event-fixtures.ts";

const SOURCE = {
  name: "Munich NixOS Meetup",
  url: "https://www.meetup.com/Munich-NixOS-Meetup/events/rss/",
  timezone: "Europe/Berlin",
};

function fixtureFeed(): ParsedFeed {
  const outcome = parseFeed(readEventFixture("meetup.rss"));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.feed;
}

describe("readMeetupRss", () => {
  const events = readMeetupRss(fixtureFeed(), SOURCE);
  const byTitle = (title: string) => events.find((e) => e.title === title);

  it("reads the date line in the source's zone, before and after the DST change", () => {
    expect(events.map((e) => [e.title, e.start.toISOString()])).toEqual([
      ["NixOS 17.03 Release Party", "2017-03-31T17:00:00.000Z"],
      ["NixOS 17.03 Release Sprint", "2017-03-25T10:00:00.000Z"],
      ["guix/guixSD: Talk & Discussion", "2017-03-29T17:00:00.000Z"],
      ["Winter Hackday", "2017-01-14T13:00:00.000Z"],
    ]);
    expect(events.every((e) => e.timeZone === "Europe/Berlin" && e.end === null)).toBe(true);
  });

  it("infers the year from the announcement, into the next year when the date has passed", () => {
    const hackday = byTitle("Winter Hackday");
    expect(hackday?.announced?.toISOString()).toBe("2016-12-20T15:00:00.000Z");
    expect(hackday?.start.getUTCFullYear()).toBe(2017);
  });

  it("dates the announcement by the item and keys it by guid", () => {
    const party = byTitle("NixOS 17.03 Release Party");
    expect(party).toMatchObject({
      uid: "https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/",
      url: "https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/",
      source: SOURCE.name,
      sourceUrl: SOURCE.url,
      status: "confirmed",
      recurrenceId: null,
    });
    expect(party?.announced?.toISOString()).toBe("2017-03-30T09:07:21.000Z");
  });

  it("takes the place from the line before the date, and leaves both out of the description", () => {
    expect(byTitle("NixOS 17.03 Release Party")?.location).toBe("München - Germany");
    expect(byTitle("guix/guixSD: Talk & Discussion")?.location).toBe("Augsburg - Germany");
    const description = byTitle("NixOS 17.03 Release Party")?.descriptionHtml ?? "";
    expect(description).toContain("Time to party on March 31, 2017!");
    expect(description).not.toContain("7:00 PM");
    expect(description).not.toContain("Germany");
    expect(description).not.toContain('class="photo"');
  });

  it("classifies each event", () => {
    expect(events.map((e) => e.kind)).toEqual(["release-party", "sprint", "talk", "sprint"]);
  });

  it("leaves out items with no date line", () => {
    expect(byTitle("We have a new co-organizer")).toBeUndefined();
  });

  it("reads times in UTC when the source gives no zone", () => {
    const [party] = readMeetupRss(fixtureFeed(), { name: SOURCE.name, url: SOURCE.url });
    expect(party?.start.toISOString()).toBe("2017-03-31T19:00:00.000Z");
    expect(party?.timeZone).toBe("UTC");
  });

  it("leaves out an undated item, since the year cannot be inferred", () => {
    const feed = fixtureFeed();
    const undated = {
      ...feed,
      entries: feed.entries.map((e) => ({ ...e, published: null, updated: null })),
    };
    expect(readMeetupRss(undated, SOURCE)).toEqual([]);
  });
});
