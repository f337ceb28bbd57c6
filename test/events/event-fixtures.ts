import { readFileSync } from "node:fs";
import type { PlanetEvent } from "../../src/model/event.ts";

/** The text of a file in test/fixtures/events/. */
export function readEventFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), "utf8");
}

/** The Munich group as an event source, with its zone. */
export const MUNICH = {
  name: "Munich NixOS Meetup",
  url: "https://www.meetup.com/Munich-NixOS-Meetup/events/ical/",
  timezone: "Europe/Berlin",
};

/** A window holding every fixture event. */
export const YEAR_2017 = {
  from: new Date("2017-01-01T00:00:00Z"),
  to: new Date("2018-01-01T00:00:00Z"),
  now: new Date("2017-03-30T12:00:00Z"),
};

/** An event with every field set; `overrides` changes what a test is about. */
export function sampleEvent(overrides: Partial<PlanetEvent> = {}): PlanetEvent {
  return {
    uid: "event_238579447@meetup.com",
    title: "NixOS 17.03 Release Party",
    start: new Date("2017-03-31T17:00:00Z"),
    end: new Date("2017-03-31T20:00:00Z"),
    allDay: false,
    timeZone: "Europe/Berlin",
    location: "Mayflower GmbH (Mannhardtstraße 6, München, Germany)",
    url: "https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/",
    descriptionHtml: "<p>Time to party on March 31, 2017!</p>",
    status: "confirmed",
    sequence: 0,
    source: "Munich NixOS Meetup",
    sourceUrl: MUNICH.url,
    kind: "release-party",
    announced: new Date("2017-03-30T09:07:00Z"),
    updated: new Date("2017-03-30T09:07:00Z"),
    recurrenceId: null,
    ...overrides,
  };
}
