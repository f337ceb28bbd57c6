import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "../../src/events/resolve-time-zone.ts";
import { isIanaZone, zonedTimeToInstant } from "../../src/events/zoned-time.ts";

const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe("zonedTimeToInstant", () => {
  it("reads winter and summer time in Berlin", () => {
    expect(zonedTimeToInstant(at(2017, 3, 23, 19), "Europe/Berlin").toISOString()).toBe(
      "2017-03-23T18:00:00.000Z",
    );
    expect(zonedTimeToInstant(at(2017, 3, 30, 19), "Europe/Berlin").toISOString()).toBe(
      "2017-03-30T17:00:00.000Z",
    );
  });

  it("reads a time skipped by the spring change with the offset from before the gap", () => {
    expect(zonedTimeToInstant(at(2017, 3, 26, 2, 30), "Europe/Berlin").toISOString()).toBe(
      "2017-03-26T01:30:00.000Z",
    );
    // RFC 5545's own example: 02:30 on the day New York springs forward is 03:30 EDT.
    expect(zonedTimeToInstant(at(2007, 3, 11, 2, 30), "America/New_York").toISOString()).toBe(
      "2007-03-11T07:30:00.000Z",
    );
  });

  it("reads a time that occurs twice in autumn as the first of the two", () => {
    expect(zonedTimeToInstant(at(2017, 10, 29, 2, 30), "Europe/Berlin").toISOString()).toBe(
      "2017-10-29T00:30:00.000Z",
    );
  });

  it("reads zones east and west of UTC", () => {
    expect(zonedTimeToInstant(at(2017, 3, 25, 19), "Asia/Tokyo").toISOString()).toBe(
      "2017-03-25T10:00:00.000Z",
    );
    expect(zonedTimeToInstant(at(2017, 7, 1, 18), "America/Los_Angeles").toISOString()).toBe(
      "2017-07-02T01:00:00.000Z",
    );
    expect(zonedTimeToInstant(at(2017, 7, 1, 18), "UTC").toISOString()).toBe(
      "2017-07-01T18:00:00.000Z",
    );
  });
});

describe("resolveTimeZone", () => {
  it("maps the Windows names Outlook writes to IANA zones", () => {
    expect(resolveTimeZone("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(resolveTimeZone("Romance Standard Time")).toBe("Europe/Paris");
    expect(resolveTimeZone("GMT Standard Time")).toBe("Europe/London");
    expect(resolveTimeZone("Eastern Standard Time")).toBe("America/New_York");
    expect(resolveTimeZone("Pacific Standard Time")).toBe("America/Los_Angeles");
    expect(resolveTimeZone("Tokyo Standard Time")).toBe("Asia/Tokyo");
    expect(resolveTimeZone("Central Europe Standard Time")).toBe("Europe/Budapest");
    expect(resolveTimeZone('"W. Europe Standard Time"')).toBe("Europe/Berlin");
  });

  it("keeps IANA names and finds them behind vendor prefixes", () => {
    expect(resolveTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(resolveTimeZone("/mozilla.org/20050126_1/Europe/Berlin")).toBe("Europe/Berlin");
    expect(
      resolveTimeZone("/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires"),
    ).toBe("America/Argentina/Buenos_Aires");
  });

  it("gives null for names it cannot place", () => {
    expect(resolveTimeZone("Customized Time Zone")).toBeNull();
    expect(resolveTimeZone("")).toBeNull();
  });

  it("maps only to zones this Node.js knows", () => {
    const names = [
      "W. Europe Standard Time",
      "FLE Standard Time",
      "India Standard Time",
      "AUS Eastern Standard Time",
      "E. South America Standard Time",
      "Coordinated Universal Time",
    ];
    for (const name of names) {
      const zone = resolveTimeZone(name);
      expect(zone !== null && isIanaZone(zone), name).toBe(true);
    }
  });
});
