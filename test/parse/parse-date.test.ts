import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/parse/parse-date.ts";

const iso = (value: unknown) => parseDate(value)?.toISOString() ?? null;

describe("parseDate", () => {
  it.each([
    ["2017-03-14T23:02:00Z", "2017-03-14T23:02:00.000Z"],
    ["2017-03-14T23:02:00+01:00", "2017-03-14T22:02:00.000Z"],
    ["2017-03-14T23:02:00.123456-05:00", "2017-03-15T04:02:00.123Z"],
    ["2017-03-14T23:02:00+0100", "2017-03-14T22:02:00.000Z"],
    ["2017-03-14t23:02:00z", "2017-03-14T23:02:00.000Z"],
    ["2017-03-14T23:02Z", "2017-03-14T23:02:00.000Z"],
    ["2017-03-30T21:14:00.001+02:00", "2017-03-30T19:14:00.001Z"],
  ])("reads ISO 8601 / RFC 3339 %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ["Tue, 14 Mar 2017 23:02:00 +0100", "2017-03-14T22:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 GMT", "2017-03-14T23:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 UT", "2017-03-14T23:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 Z", "2017-03-14T23:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 EST", "2017-03-15T04:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 EDT", "2017-03-15T03:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 CST", "2017-03-15T05:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 CDT", "2017-03-15T04:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 MST", "2017-03-15T06:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 MDT", "2017-03-15T05:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 PST", "2017-03-15T07:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 PDT", "2017-03-15T06:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 CET", "2017-03-14T22:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 -0430", "2017-03-15T03:32:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 +01:00", "2017-03-14T22:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 GMT+0100", "2017-03-14T22:02:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00 +0000 (UTC)", "2017-03-14T23:02:00.000Z"],
  ])("reads RFC 822/2822 %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ["missing seconds", "Tue, 14 Mar 2017 23:02 +0000", "2017-03-14T23:02:00.000Z"],
    ["missing weekday", "14 Mar 2017 23:02:00 +0000", "2017-03-14T23:02:00.000Z"],
    ["wrong weekday", "Fri, 14 Mar 2017 23:02:00 +0000", "2017-03-14T23:02:00.000Z"],
    ["full weekday and month", "Tuesday, 14 March 2017 23:02:00 GMT", "2017-03-14T23:02:00.000Z"],
    ["two-digit year", "Tue, 14 Mar 17 23:02:00 GMT", "2017-03-14T23:02:00.000Z"],
    ["two-digit year 99", "Sun, 14 Mar 99 23:02:00 GMT", "1999-03-14T23:02:00.000Z"],
    ["single-digit day", "Wed, 1 Mar 2017 10:00:00 GMT", "2017-03-01T10:00:00.000Z"],
    ["lower-case month", "14 mar 2017 23:02:00 gmt", "2017-03-14T23:02:00.000Z"],
    ["day only", "14 Mar 2017", "2017-03-14T00:00:00.000Z"],
    ["dashes", "14-Mar-2017 23:02:00 +0000", "2017-03-14T23:02:00.000Z"],
    ["military zone ignored", "Tue, 14 Mar 2017 23:02:00 A", "2017-03-14T23:02:00.000Z"],
    ["American order", "March 14, 2017 11:02:00 +0000", "2017-03-14T11:02:00.000Z"],
    ["extra whitespace", "  Tue,  14 Mar 2017\n23:02:00   +0000 ", "2017-03-14T23:02:00.000Z"],
    ["leap second", "2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z"],
  ])("reads dates seen in the wild: %s", (_, input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  // Zone-less forms: read as UTC, never in the machine's local time.
  it.each([
    ["2017-03-14 23:02:00", "2017-03-14T23:02:00.000Z"],
    ["2017-03-14T23:02:00", "2017-03-14T23:02:00.000Z"],
    ["2017-03-14", "2017-03-14T00:00:00.000Z"],
    ["Tue, 14 Mar 2017 23:02:00", "2017-03-14T23:02:00.000Z"],
  ])("reads the zone-less %s as UTC", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ["an empty string", ""],
    ["prose", "sometime last week"],
    ["an impossible day", "2017-02-30"],
    ["an impossible month", "2017-13-01"],
    ["an impossible hour", "2017-03-14T25:00:00Z"],
    ["an unknown month name", "14 Foo 2017"],
    ["a zero date", "0000-00-00 00:00:00"],
    ["a year before 1970", "1969-12-31T23:59:59Z"],
    ["a year past 9999", "+010000-01-01T00:00:00Z"],
    ["trailing garbage", "2017-03-14T23:02:00Z and then some"],
    ["a bogus zone", "Tue, 14 Mar 2017 23:02:00 +99"],
  ])("returns null for %s", (_, input) => {
    expect(parseDate(input)).toBeNull();
  });

  it("returns null for values that are not strings or dates", () => {
    expect(parseDate(undefined)).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate(1489532520000)).toBeNull();
    expect(parseDate({})).toBeNull();
  });

  it("accepts a valid Date (as a copy) and rejects an invalid or absurd one", () => {
    const date = new Date("2017-03-14T23:02:00Z");
    const parsed = parseDate(date);
    expect(parsed?.toISOString()).toBe("2017-03-14T23:02:00.000Z");
    expect(parsed).not.toBe(date);
    expect(parseDate(new Date(Number.NaN))).toBeNull();
    expect(parseDate(new Date(Date.UTC(1900, 0, 1)))).toBeNull();
  });

  it("keeps far-future dates: holding them back is the selection stage's job", () => {
    expect(iso("Fri, 01 Jan 2100 00:00:00 GMT")).toBe("2100-01-01T00:00:00.000Z");
  });
});
