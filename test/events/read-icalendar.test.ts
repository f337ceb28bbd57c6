import { describe, expect, it } from "vitest";
import { defaultEventWindow } from "../../src/events/expand-occurrences.ts";
import { type EventSourceInput, readICalendar } from "../../src/events/read-icalendar.ts";
import type { PlanetEvent } from "../../src/model/event.ts";
import { TEXT_LIMITS } from "../../src/text/limit-text.ts";
import { MUNICH, readEventFixture, YEAR_2017 } from "./event-fixtures.ts";

function read(text: string, source: EventSourceInput = MUNICH, window = YEAR_2017): PlanetEvent[] {
  const result = readICalendar(text, source, window);
  if (!result.ok) throw new Error(result.message);
  return result.events;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function calendar(...vevents: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...vevents, "END:VCALENDAR"].join(
    "\r\n",
  );
}

describe("readICalendar on a Meetup group's feed", () => {
  const events = read(readEventFixture("meetup.ics"));

  it("reads every event at its exact instant through the feed's VTIMEZONE", () => {
    expect(events.map((e) => [e.title, iso(e.start), iso(e.end)])).toEqual([
      ["NixOS 17.03 Release Sprint", "2017-03-25T10:00:00.000Z", "2017-03-26T16:00:00.000Z"],
      ["guix/guixSD: Talk & Discussion", "2017-03-29T17:00:00.000Z", "2017-03-29T19:00:00.000Z"],
      ["NixOS 17.03 Release Party", "2017-03-31T17:00:00.000Z", "2017-03-31T20:00:00.000Z"],
    ]);
    expect(events.every((e) => e.timeZone === "Europe/Berlin" && !e.allDay)).toBe(true);
  });

  it("unfolds lines and unescapes text", () => {
    const party = events[2];
    expect(party?.location).toBe("Mayflower GmbH (Mannhardtstraße 6, München, Germany)");
    expect(party?.descriptionHtml).toContain(
      'NixOS 17.03 "Gorilla" will be the next release scheduled to be released on March 30, 2017.',
    );
    expect(party?.descriptionHtml).toContain("Friday, March 31 at 7:00 PM");
  });

  it("takes uid, url, sequence, kind and source from the feed", () => {
    const sprint = events[0];
    expect(sprint).toMatchObject({
      uid: "event_238226130@meetup.com",
      url: "https://www.meetup.com/Munich-NixOS-Meetup/events/238226130/",
      sequence: 1,
      kind: "sprint",
      status: "confirmed",
      source: MUNICH.name,
      sourceUrl: MUNICH.url,
      recurrenceId: null,
    });
    expect(events.map((e) => e.kind)).toEqual(["sprint", "talk", "release-party"]);
  });

  it("dates the announcement by CREATED, else DTSTAMP, and the update by LAST-MODIFIED", () => {
    expect(iso(events[0]?.announced ?? null)).toBe("2017-03-20T19:49:00.000Z");
    expect(iso(events[0]?.updated ?? null)).toBe("2017-03-21T08:00:00.000Z");
    expect(iso(events[1]?.announced ?? null)).toBe("2017-03-02T07:16:00.000Z");
    expect(events[1]?.updated).toBeNull();
  });
});

describe("readICalendar on a hand-kept calendar", () => {
  const events = read(readEventFixture("hand-kept.ics"));
  const titled = (title: string) => events.filter((e) => e.title.startsWith(title));

  it("expands a weekly event across the March DST change, without EXDATE, with RDATE", () => {
    const hours = titled("Nix office hours");
    expect(hours.map((e) => iso(e.start))).toEqual([
      "2017-03-09T18:00:00.000Z",
      // 2017-03-16 is an EXDATE
      "2017-03-23T18:00:00.000Z",
      "2017-03-30T17:00:00.000Z",
      "2017-04-06T18:00:00.000Z",
      "2017-04-13T17:00:00.000Z",
      "2017-04-21T17:00:00.000Z",
    ]);
    expect(hours.map((e) => iso(e.end))).toEqual([
      "2017-03-09T20:00:00.000Z",
      "2017-03-23T20:00:00.000Z",
      "2017-03-30T19:00:00.000Z",
      "2017-04-06T20:00:00.000Z",
      "2017-04-13T19:00:00.000Z",
      "2017-04-21T19:00:00.000Z",
    ]);
    expect(new Set(hours.map((e) => e.uid))).toEqual(
      new Set(["office-hours@nixos-munich.example"]),
    );
  });

  it("gives each occurrence its original start as recurrenceId, and applies the override", () => {
    const hours = titled("Nix office hours");
    expect(hours.map((e) => e.recurrenceId)).toEqual([
      "2017-03-09T18:00:00.000Z",
      "2017-03-23T18:00:00.000Z",
      "2017-03-30T17:00:00.000Z",
      "2017-04-06T17:00:00.000Z",
      "2017-04-13T17:00:00.000Z",
      "2017-04-21T17:00:00.000Z",
    ]);
    const moved = hours[3];
    expect(moved?.title).toBe("Nix office hours (one hour later, room 2)");
    expect(moved?.sequence).toBe(1);
    expect(iso(moved?.announced ?? null)).toBe("2017-04-01T10:00:00.000Z");
  });

  it("converts an Outlook Windows TZID through its VTIMEZONE, across DST", () => {
    const stammtisch = titled("NixOS Stammtisch");
    expect(stammtisch.map((e) => iso(e.start))).toEqual([
      "2017-03-14T18:30:00.000Z",
      "2017-03-21T18:30:00.000Z",
      "2017-03-28T17:30:00.000Z",
      "2017-04-04T17:30:00.000Z",
    ]);
    expect(stammtisch.every((e) => e.timeZone === "Europe/Berlin")).toBe(true);
  });

  it("maps a Windows TZID with no VTIMEZONE to its IANA zone", () => {
    const [paris] = titled("Nix Hackathon Paris");
    expect([iso(paris?.start ?? null), iso(paris?.end ?? null)]).toEqual([
      "2017-04-08T08:00:00.000Z",
      "2017-04-09T16:00:00.000Z",
    ]);
    expect(paris?.timeZone).toBe("Europe/Paris");
    expect(paris?.kind).toBe("sprint");
  });

  it("reads an all-day multi-day event as dates, end exclusive", () => {
    const [zhf] = titled("Zero Hydra Failures");
    expect(zhf).toMatchObject({ allDay: true, timeZone: null, kind: "sprint" });
    expect([iso(zhf?.start ?? null), iso(zhf?.end ?? null)]).toEqual([
      "2017-03-25T00:00:00.000Z",
      "2017-03-27T00:00:00.000Z",
    ]);
  });

  it("keeps a cancelled event, marked, with its SEQUENCE, and drops a javascript: URL", () => {
    const [cancelled] = titled("Augsburg NixOS Meetup");
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2, url: null });
    expect(iso(cancelled?.start ?? null)).toBe("2017-04-12T17:00:00.000Z");
  });

  it("reads a floating time in the source's zone, and in UTC when the source has none", () => {
    const [floating] = titled("Lightning talks");
    expect([iso(floating?.start ?? null), iso(floating?.end ?? null)]).toEqual([
      "2017-04-20T16:30:00.000Z",
      "2017-04-20T18:30:00.000Z",
    ]);
    const noZone = read(readEventFixture("hand-kept.ics"), {
      name: "x",
      url: "https://x.example/",
    });
    const [utcFloating] = noZone.filter((e) => e.title.startsWith("Lightning talks"));
    expect(iso(utcFloating?.start ?? null)).toBe("2017-04-20T18:30:00.000Z");
    expect(utcFloating?.timeZone).toBe("UTC");
  });

  it("keeps UTC times as written", () => {
    const [online] = titled("The Nix expression language");
    expect(iso(online?.start ?? null)).toBe("2017-05-03T17:00:00.000Z");
    expect(online?.title).toBe("The Nix expression language, explained (online)");
  });
});

describe("readICalendar on an Exchange all-day series with moved days", () => {
  const window = defaultEventWindow(new Date("2026-02-15T12:00:00Z"));
  const events = read(readEventFixture("exchange-all-day.ics"), MUNICH, window);

  it("puts a moved day in place of the original day, which is not listed as well", () => {
    expect(events.map((e) => [e.title, iso(e.start), iso(e.end), e.status])).toEqual([
      ["Nix hack day", "2026-02-19T00:00:00.000Z", "2026-02-20T00:00:00.000Z", "confirmed"],
      [
        "Nix hack day (Friday)",
        "2026-02-27T00:00:00.000Z",
        "2026-02-28T00:00:00.000Z",
        "confirmed",
      ],
      ["Nix hack day", "2026-03-05T00:00:00.000Z", "2026-03-06T00:00:00.000Z", "cancelled"],
      ["Nix hack day", "2026-03-12T00:00:00.000Z", "2026-03-13T00:00:00.000Z", "confirmed"],
    ]);
    expect(events.every((e) => e.allDay)).toBe(true);
  });

  it("gives the moved day the original day's identity", () => {
    expect(events[1]?.recurrenceId).toBe("2026-02-26T00:00:00.000Z");
    expect(new Set(events.map((e) => e.recurrenceId)).size).toBe(4);
  });
});

describe("readICalendar with a VTIMEZONE that starts after the event", () => {
  /** A VTIMEZONE as generators write it today: only the current rules, from 2018 on. */
  const vtimezone = (tzid: string) => [
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "DTSTART:20180325T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:20181028T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  const event = (tzid: string, uid: string, start: string) => [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    "DTSTAMP:20170101T000000Z",
    "SUMMARY:Nix meetup",
    `DTSTART;TZID=${tzid}:${start}`,
    `DTEND;TZID=${tzid}:${start.slice(0, 9)}180000`,
    "END:VEVENT",
  ];
  const starts = (text: string) => read(text).map((e) => [e.uid, iso(e.start)]);

  it("takes the IANA zone of the same name (a Berlin 16:00 in July 2017 is 14:00 UTC)", () => {
    const text = calendar(
      ...vtimezone("Europe/Berlin"),
      ...event("Europe/Berlin", "summer", "20170714T160000"),
      ...event("Europe/Berlin", "winter", "20170110T160000"),
    );
    expect(starts(text)).toEqual([
      ["winter", "2017-01-10T15:00:00.000Z"],
      ["summer", "2017-07-14T14:00:00.000Z"],
    ]);
  });

  it("maps Outlook's Windows name the same way", () => {
    const zone = "W. Europe Standard Time";
    const text = calendar(...vtimezone(zone), ...event(`"${zone}"`, "outlook", "20170714T160000"));
    expect(starts(text)).toEqual([["outlook", "2017-07-14T14:00:00.000Z"]]);
  });

  it("extends the earliest rules backwards for a name no IANA zone has", () => {
    const zone = "Custom Mitteleuropa";
    const text = calendar(
      ...vtimezone(zone),
      ...event(zone, "summer", "20170714T160000"),
      ...event(zone, "winter", "20171110T160000"),
      // The last Sunday of March 2017 is the 26th: the day before is still winter time.
      ...event(zone, "eve", "20170325T160000"),
      ...event(zone, "after", "20170326T160000"),
    );
    expect(starts(text)).toEqual([
      ["eve", "2017-03-25T15:00:00.000Z"],
      ["after", "2017-03-26T14:00:00.000Z"],
      ["summer", "2017-07-14T14:00:00.000Z"],
      ["winter", "2017-11-10T15:00:00.000Z"],
    ]);
  });
});

describe("readICalendar with a one-observance VTIMEZONE that starts after the event", () => {
  it("holds the first offset before its onset", () => {
    const text = calendar(
      "BEGIN:VTIMEZONE",
      "TZID:Pune office",
      "BEGIN:STANDARD",
      "TZOFFSETFROM:+0530",
      "TZOFFSETTO:+0530",
      "DTSTART:20180101T000000",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:pune-meetup@example.org",
      "DTSTAMP:20170101T000000Z",
      "SUMMARY:NixOS Pune",
      "DTSTART;TZID=Pune office:20170812T100000",
      "END:VEVENT",
    );
    expect(read(text).map((e) => iso(e.start))).toEqual(["2017-08-12T04:30:00.000Z"]);
  });
});

describe("readICalendar windows", () => {
  it("defaults to 90 days back and 365 ahead", () => {
    const window = defaultEventWindow(new Date("2017-03-30T12:00:00Z"));
    expect(window.from.toISOString()).toBe("2016-12-30T12:00:00.000Z");
    expect(window.to.toISOString()).toBe("2018-03-30T12:00:00.000Z");
  });

  it("keeps only occurrences overlapping the window", () => {
    const window = {
      from: new Date("2017-03-25T00:00:00Z"),
      to: new Date("2017-04-10T00:00:00Z"),
      now: new Date("2017-03-25T00:00:00Z"),
    };
    const hours = read(readEventFixture("hand-kept.ics"), MUNICH, window).filter((e) =>
      e.title.startsWith("Nix office hours"),
    );
    expect(hours.map((e) => iso(e.start))).toEqual([
      "2017-03-30T17:00:00.000Z",
      "2017-04-06T18:00:00.000Z",
    ]);
  });

  it("stops an endless daily rule at the window's end", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:daily@example.org",
      "DTSTAMP:20170101T000000Z",
      "SUMMARY:Daily standup",
      "DTSTART;TZID=Europe/Berlin:19900101T090000",
      "RRULE:FREQ=DAILY",
      "END:VEVENT",
    );
    const window = {
      from: new Date("2017-03-24T00:00:00Z"),
      to: new Date("2017-03-28T00:00:00Z"),
      now: new Date("2017-03-24T00:00:00Z"),
    };
    expect(read(text, MUNICH, window).map((e) => iso(e.start))).toEqual([
      "2017-03-24T08:00:00.000Z",
      "2017-03-25T08:00:00.000Z",
      "2017-03-26T07:00:00.000Z",
      "2017-03-27T07:00:00.000Z",
    ]);
  });

  it("lists every occurrence of a series begun long before the window (no step budget spent)", () => {
    // An Apple Calendar birthday-style series from 1970: stepping from 1970 spent the whole
    // budget before reaching 2026, and the window came out empty.
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:5A1C1E4B-7E62-4F5B-9B3E-2E6E0C1F9A10",
      "DTSTAMP:20260101T000000Z",
      "SUMMARY:Morning run",
      "DTSTART;TZID=Europe/Berlin:19700105T070000",
      "DTEND;TZID=Europe/Berlin:19700105T080000",
      "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=MO",
      "END:VEVENT",
    );
    const events = read(text, MUNICH, defaultEventWindow(new Date("2026-12-06T12:00:00Z")));
    // Every other week (counted from 5 January 1970), Mondays and Thursdays, 07:00 Berlin.
    expect(events).toHaveLength(Math.round((455 / 14) * 2));
    const march = events.filter((e) => iso(e.start)?.startsWith("2027-03"));
    // 1 March 2027 is 2,982 weeks after 5 January 1970: an "on" week. Summer time from the 28th.
    expect(march.map((e) => iso(e.start))).toEqual([
      "2027-03-01T06:00:00.000Z",
      "2027-03-04T06:00:00.000Z",
      "2027-03-15T06:00:00.000Z",
      "2027-03-18T06:00:00.000Z",
      "2027-03-29T05:00:00.000Z",
    ]);
  });

  it("cuts a series too dense to expand whole around now, and says so", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:ping@example.org",
      "SUMMARY:Ping",
      "DTSTART:20200101T000000Z",
      "RRULE:FREQ=MINUTELY",
      "END:VEVENT",
    );
    const now = new Date("2026-12-06T12:00:00Z");
    const result = readICalendar(text, MUNICH, defaultEventWindow(now));
    if (!result.ok) throw new Error(result.message);
    expect(result.cutSeries).toBe(1);
    expect(result.events.length).toBeLessThanOrEqual(20_000);
    const first = result.events[0]?.start.getTime() ?? 0;
    const last = result.events.at(-1)?.start.getTime() ?? 0;
    expect(first).toBeLessThan(now.getTime());
    expect(last).toBeGreaterThan(now.getTime());
    expect(result.events.some((e) => e.start.getTime() === now.getTime())).toBe(true);
  });

  it("brings an override moved into the window from outside it", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:weekly@example.org",
      "SUMMARY:Weekly",
      "DTSTART:20170301T180000Z",
      "RRULE:FREQ=WEEKLY;COUNT=4",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:weekly@example.org",
      "RECURRENCE-ID:20170322T180000Z",
      "SUMMARY:Weekly (moved earlier)",
      "DTSTART:20170310T180000Z",
      "END:VEVENT",
    );
    const window = {
      from: new Date("2017-03-09T00:00:00Z"),
      to: new Date("2017-03-11T00:00:00Z"),
      now: new Date("2017-03-09T00:00:00Z"),
    };
    expect(read(text, MUNICH, window).map((e) => [e.title, iso(e.start), e.recurrenceId])).toEqual([
      ["Weekly (moved earlier)", "2017-03-10T18:00:00.000Z", "2017-03-22T18:00:00.000Z"],
    ]);
  });
});

describe("readICalendar on odd input", () => {
  it("reads overrides whose master is left out", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:busy@google.com",
      "RECURRENCE-ID:20170404T130000Z",
      "DTSTART:20170404T130000Z",
      "DTEND:20170404T133000Z",
      "SUMMARY:Busy",
      "END:VEVENT",
    );
    expect(read(text).map((e) => [e.uid, iso(e.start), e.recurrenceId])).toEqual([
      ["busy@google.com", "2017-04-04T13:00:00.000Z", "2017-04-04T13:00:00.000Z"],
    ]);
  });

  it("knows an event without UID by its content, never by position nor by URL alone", () => {
    const noUid = ["BEGIN:VEVENT", "SUMMARY:Nix meetup", "DTSTART:20170404T170000Z", "END:VEVENT"];
    const withUrl = (summary: string, day: string) => [
      "BEGIN:VEVENT",
      `SUMMARY:${summary}`,
      `DTSTART;VALUE=DATE:${day}`,
      "URL:https://holidays.example/de",
      "END:VEVENT",
    ];
    const easter = withUrl("Easter Monday", "20170417");
    const may = withUrl("Labour Day", "20170501");
    const first = read(calendar(...noUid, ...easter, ...may));
    const second = read(calendar(...may, ...easter, ...noUid));
    expect(first.map((e) => e.uid)).toEqual(second.map((e) => e.uid));
    expect(first.map((e) => e.title)).toEqual(["Nix meetup", "Easter Monday", "Labour Day"]);
    expect(new Set(first.map((e) => e.uid)).size).toBe(3);
    expect(first.every((e) => e.uid.endsWith("@planet"))).toBe(true);
  });

  it("ignores placeholder CREATED dates", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:old@google.com",
      "CREATED:19000101T120000Z",
      "DTSTAMP:20170301T100000Z",
      "DTSTART:20170404T170000Z",
      "SUMMARY:x",
      "END:VEVENT",
    );
    expect(iso(read(text)[0]?.announced ?? null)).toBe("2017-03-01T10:00:00.000Z");
  });

  it("answers with a failure, not an exception, for what is not iCalendar", () => {
    for (const text of [
      "",
      "<!DOCTYPE html><html></html>",
      "BEGIN:VCALENDAR\r\nthis is not: a calendar\r\nBEGIN:",
    ]) {
      const result = readICalendar(text, MUNICH, YEAR_2017);
      expect(result.ok).toBe(false);
    }
  });

  it("leaves out a VEVENT without DTSTART and reads the others", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:undated@example.org",
      "SUMMARY:Some day",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:good@example.org",
      "SUMMARY:Good",
      "DTSTART:20170405T170000Z",
      "END:VEVENT",
    );
    expect(read(text).map((e) => e.uid)).toEqual(["good@example.org"]);
  });

  it("names the problem when ical.js refuses the document (a bad RRULE)", () => {
    const text = calendar(
      "BEGIN:VEVENT",
      "UID:bad@example.org",
      "DTSTART:20170404T170000Z",
      "RRULE:FREQ=WEEKLY;BYDAY=XX",
      "END:VEVENT",
    );
    expect(readICalendar(text, MUNICH, YEAR_2017)).toEqual({
      ok: false,
      message: 'could not read the iCalendar: invalid BYDAY value "XX"',
    });
  });
});

describe("readICalendar bounds text fields", () => {
  it("cuts a huge summary and location with an ellipsis", () => {
    const [event] = read(
      calendar(
        "BEGIN:VEVENT",
        "UID:huge@example.org",
        "DTSTAMP:20170301T100000Z",
        "DTSTART:20170325T100000Z",
        `SUMMARY:${"Sprint ".repeat(10_000)}`,
        `LOCATION:${"Hall ".repeat(10_000)}`,
        "END:VEVENT",
      ),
    );
    expect(event?.title.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
    expect(event?.title).toMatch(/^Sprint Sprint .*Sprint…$/);
    expect(event?.location?.length).toBeLessThanOrEqual(TEXT_LIMITS.name);
    expect(event?.location?.endsWith("Hall…")).toBe(true);
  });
});
