import { describe, expect, it } from "vitest";
import { describeHealth } from "../../src/refresh/describe-health.ts";
import { healthRows } from "../../src/site/health-rows.ts";
import { newFeedRecord, stateOfRecord } from "../../src/store/feed-record.ts";

const URL_ICS = "https://calendar.example.org/rooms.ics";
const NOW = new Date("2017-04-01T09:00:00Z");

function healthOf(eventsLeftOut: number, seriesCut: number) {
  const record = {
    ...newFeedRecord(URL_ICS),
    lastAttempt: NOW.toISOString(),
    eventsLeftOut,
    seriesCut,
  };
  return describeHealth("Hacklab rooms", stateOfRecord(record, null), NOW);
}

describe("healthRows", () => {
  it("reports what the bound on events left out, in health.json's fields and on the feeds page", () => {
    const health = healthOf(5921, 1);
    expect(health).toMatchObject({ ok: true, eventsLeftOut: 5921, seriesCut: 1 });
    expect(healthRows([health])[0]?.limitNote).toBe(
      "5921 occurrences left out: a source keeps the 5000 nearest to now; 1 recurring event " +
        "repeats too often to list every time: the occurrences nearest to now are kept.",
    );
  });

  it("adds no note when nothing was left out", () => {
    expect(healthRows([healthOf(0, 0)])[0]?.limitNote).toBeNull();
  });
});
