import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { readICalendar } from "../../src/events/read-icalendar.ts";
import { calendarUid, renderCalendar } from "../../src/events/render-calendar.ts";
import { CALENDAR_FILES, selectCalendars } from "../../src/events/select-calendars.ts";
import type { PlanetEvent } from "../../src/model/event.ts";
import { MUNICH, readEventFixture, sampleEvent, YEAR_2017 } from "./event-fixtures.ts";

const META = {
  name: "NixOS Planet events",
  description: "Meetups, sprints and release parties of the NixOS community",
  url: "https://planet.nixos.org/events.ics",
  now: new Date("2017-03-30T12:00:00Z"),
};

function fixtureEvents(): PlanetEvent[] {
  const events: PlanetEvent[] = [];
  for (const name of ["meetup.ics", "hand-kept.ics"]) {
    const result = readICalendar(readEventFixture(name), MUNICH, YEAR_2017);
    if (!result.ok) throw new Error(result.message);
    events.push(...result.events);
  }
  return events;
}

/** The calendar read back by ical.js, an independent reader. */
function readBack(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function countComponents(component: ICAL.Component): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (c: ICAL.Component) => {
    counts[c.name] = (counts[c.name] ?? 0) + 1;
    for (const child of c.getAllSubcomponents()) visit(child);
  };
  visit(component);
  return counts;
}

function timeOf(vevent: ICAL.Component, name: string): string | null {
  const value = vevent.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) return null;
  return value.isDate ? value.toString() : value.toJSDate().toISOString();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectWellFormedLines(text: string): void {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.slice(0, -2).split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect(LONE_SURROGATE.test(line), line).toBe(false);
  }
}

describe("renderCalendar", () => {
  const events = fixtureEvents();
  const text = renderCalendar(events, META);
  const calendar = readBack(text);
  const vevents = calendar.getAllSubcomponents("vevent");

  it("writes the calendar properties subscribers read", () => {
    for (const line of [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//planet//events//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:NixOS Planet events",
      "X-WR-CALDESC:Meetups\\, sprints and release parties of the NixOS community",
      "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
      "X-PUBLISHED-TTL:PT1H",
      "END:VCALENDAR",
    ]) {
      expect(text.split("\r\n"), line).toContain(line);
    }
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("NixOS Planet events");
  });

  it("uses CRLF and folds every line at 75 octets", () => {
    expectWellFormedLines(text);
    expect(text.split("\r\n").some((line) => line.startsWith(" "))).toBe(true);
  });

  it("writes every occurrence at its exact UTC instant, across the DST change", () => {
    const hours = vevents.filter((v) => v.getFirstPropertyValue("summary") === "Nix office hours");
    expect(hours.map((v) => timeOf(v, "dtstart"))).toEqual([
      "2017-03-09T18:00:00.000Z",
      "2017-03-23T18:00:00.000Z",
      "2017-03-30T17:00:00.000Z",
      "2017-04-13T17:00:00.000Z",
      "2017-04-21T17:00:00.000Z",
    ]);
    const all = vevents.map((v) => [
      v.getFirstPropertyValue("summary"),
      timeOf(v, "dtstart"),
      timeOf(v, "dtend"),
    ]);
    expect(all).toContainEqual([
      "NixOS 17.03 Release Party",
      "2017-03-31T17:00:00.000Z",
      "2017-03-31T20:00:00.000Z",
    ]);
    expect(all).toContainEqual([
      "NixOS 17.03 Release Sprint",
      "2017-03-25T10:00:00.000Z",
      "2017-03-26T16:00:00.000Z",
    ]);
    expect(all).toContainEqual([
      "Nix office hours (one hour later, room 2)",
      "2017-04-06T18:00:00.000Z",
      "2017-04-06T20:00:00.000Z",
    ]);
    expect(vevents).toHaveLength(events.length);
  });

  it("writes times in UTC, so it needs no TZID and no VTIMEZONE", () => {
    expect(text).not.toContain("TZID");
    expect(countComponents(calendar).vtimezone).toBeUndefined();
    expect(text).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
  });

  it("writes all-day events as dates", () => {
    const [zhf] = vevents.filter(
      (v) => v.getFirstPropertyValue("summary") === "Zero Hydra Failures sprint",
    );
    expect(zhf && [timeOf(zhf, "dtstart"), timeOf(zhf, "dtend")]).toEqual([
      "2017-03-25",
      "2017-03-27",
    ]);
    expect(text).toContain("DTSTART;VALUE=DATE:20170325\r\n");
  });

  it("keeps a cancelled event with its UID, STATUS:CANCELLED and a raised SEQUENCE", () => {
    const [cancelled] = vevents.filter(
      (v) => v.getFirstPropertyValue("summary") === "Augsburg NixOS Meetup",
    );
    expect(cancelled?.getFirstPropertyValue("uid")).toBe("augsburg-2017-04@nixos-munich.example");
    expect(cancelled?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled?.getFirstPropertyValue("sequence")).toBe(3);
  });

  it("gives each occurrence a UID from the source's UID and its original start", () => {
    const uids = vevents.map((v) => v.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain("event_238579447@meetup.com");
    expect(uids).toContain("office-hours@nixos-munich.example#20170406T170000Z");
    expect(text).not.toContain("RECURRENCE-ID");
  });

  it("stamps every event with the build's now, in UTC", () => {
    expect(new Set(vevents.map((v) => timeOf(v, "dtstamp")))).toEqual(
      new Set([META.now.toISOString()]),
    );
  });

  it("writes only http(s) URLs", () => {
    const urls = vevents.map((v) => v.getFirstPropertyValue("url")).filter((url) => url !== null);
    expect(urls).toContain("https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/");
    expect(urls.every((url) => typeof url === "string" && url.startsWith("https://"))).toBe(true);
  });

  it("gives the same UIDs and the same bytes on every build", () => {
    const again = renderCalendar([...fixtureEvents()].reverse(), META);
    expect(again).toBe(text);
    const later = readBack(
      renderCalendar(fixtureEvents(), { ...META, now: new Date("2017-04-02T00:00:00Z") }),
    );
    const uidsOf = (c: ICAL.Component) =>
      c.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("uid"));
    expect(uidsOf(later)).toEqual(uidsOf(calendar));
  });

  it("reads back through our own reader at the same instants", () => {
    const result = readICalendar(text, { name: "planet", url: META.url }, YEAR_2017);
    if (!result.ok) throw new Error(result.message);
    const instants = (list: PlanetEvent[]) => list.map((e) => e.start.toISOString()).sort();
    expect(instants(result.events)).toEqual(instants(events));
  });
});

describe("renderCalendar against hostile text", () => {
  const hostile = sampleEvent({
    uid: "evil\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM@x; y,z\\",
    title: "Party\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM; a, b \\ c\nd\re\u0000f\u2028g",
    location: "Mayflower; Munich, Germany\r\nATTACH:https://evil.example/",
    url: "https://evil.example/a;b,c\r\nX-EVIL:1",
    descriptionHtml: "<p>END:VEVENT</p><p>BEGIN:VEVENT\r\nUID:injected</p>",
  });
  const text = renderCalendar([hostile], META);
  const calendar = readBack(text);

  it("creates no component and no property", () => {
    expect(countComponents(calendar)).toEqual({ vcalendar: 1, vevent: 1 });
    const [vevent] = calendar.getAllSubcomponents("vevent");
    const names = vevent
      ?.getAllProperties()
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(
      [
        "uid",
        "sequence",
        "dtstamp",
        "dtstart",
        "dtend",
        "summary",
        "location",
        "description",
        "categories",
        "url",
        "status",
        "created",
        "last-modified",
      ].sort(),
    );
    expect(text).not.toMatch(/^(BEGIN:VALARM|ATTACH|X-EVIL|UID:injected)/m);
    expectWellFormedLines(text);
  });

  it("keeps the text as text", () => {
    const [vevent] = calendar.getAllSubcomponents("vevent");
    expect(vevent?.getFirstPropertyValue("summary")).toBe(
      "Party\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM; a, b \\ c\nd\nefg",
    );
    expect(vevent?.getFirstPropertyValue("location")).toBe(
      "Mayflower; Munich, Germany\nATTACH:https://evil.example/",
    );
    expect(vevent?.getFirstPropertyValue("uid")).toBe(
      "evil BEGIN:VALARM TRIGGER:-PT5M END:VALARM@x; y,z\\",
    );
    expect(vevent?.getFirstPropertyValue("url")).toBe("https://evil.example/a%3Bb%2CcX-EVIL:1");
  });

  it("folds long multi-byte text on character boundaries", () => {
    const long = sampleEvent({ title: `${"ü".repeat(100)}${"🎉".repeat(50)}${"日本".repeat(40)}` });
    const rendered = renderCalendar([long], META);
    expectWellFormedLines(rendered);
    expect(
      readBack(rendered).getFirstSubcomponent("vevent")?.getFirstPropertyValue("summary"),
    ).toBe(long.title);
  });
});

describe("selectCalendars", () => {
  const events = fixtureEvents();
  const calendars = selectCalendars(events);

  it("puts every event in events.ics and each kind in its own file, exactly", () => {
    expect(calendars.map(({ file }) => file.path)).toEqual(CALENDAR_FILES.map(({ path }) => path));
    const [all, ...perKind] = calendars;
    expect(all?.file.path).toBe("events.ics");
    expect(all?.events).toEqual(events);
    expect(perKind.map(({ file }) => file.kind)).toEqual(["sprint", "release-party", "talk"]);
    for (const { file, events: selected } of perKind) {
      const { path, kind } = file;
      const rendered = readBack(renderCalendar(selected, META));
      const uids = rendered
        .getAllSubcomponents("vevent")
        .map((v) => v.getFirstPropertyValue("uid"));
      const wanted = events.filter((e) => e.kind === kind).map(calendarUid);
      expect(uids.length, path).toBeGreaterThan(0);
      expect(new Set(uids), path).toEqual(new Set(wanted));
      const categories = rendered
        .getAllSubcomponents("vevent")
        .map((v) => v.getFirstPropertyValue("categories"));
      expect(new Set(categories), path).toEqual(new Set([kind]));
    }
  });
});
