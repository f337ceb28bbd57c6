import { afterAll, describe, expect, it } from "vitest";
import { parseDate } from "../../src/parse/parse-date.ts";

// V8's own parser reads zone-less strings in local time; ours must not. This file flips the
// process time zone (it runs in its own worker) and checks that nothing moves.
const originalZone = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalZone;
});

const LOCAL_TIME_SENSITIVE = [
  "2017-03-14 23:02:00",
  "2017-03-14T23:02:00",
  "Tue, 14 Mar 2017 23:02:00",
  "14 Mar 2017",
  "2017-03-14T23:02:00+01:00",
];

function parseAllIn(zone: string): Array<string | null> {
  process.env.TZ = zone;
  return LOCAL_TIME_SENSITIVE.map((value) => parseDate(value)?.toISOString() ?? null);
}

describe("parseDate across time zones", () => {
  it("gives the same instants whatever the machine's time zone", () => {
    const utc = parseAllIn("UTC");
    const tokyo = parseAllIn("Asia/Tokyo");
    // Prove the zone switch took effect, or the comparison below would prove nothing.
    expect(new Date(2017, 2, 14).getTimezoneOffset()).toBe(-540);
    const newYork = parseAllIn("America/New_York");
    expect(new Date(2017, 2, 14).getTimezoneOffset()).toBe(240);
    expect(tokyo).toEqual(utc);
    expect(newYork).toEqual(utc);
    expect(utc).toEqual([
      "2017-03-14T23:02:00.000Z",
      "2017-03-14T23:02:00.000Z",
      "2017-03-14T23:02:00.000Z",
      "2017-03-14T00:00:00.000Z",
      "2017-03-14T22:02:00.000Z",
    ]);
  });
});
