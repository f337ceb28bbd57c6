import { describe, expect, it } from "vitest";
import { keepNearestEvents } from "../../src/events/keep-nearest-events.ts";
import { sampleEvent } from "./event-fixtures.ts";

const NOW = new Date("2017-03-30T12:00:00Z");
const HOUR = 3600 * 1000;

/** A weekly event at `days` days from NOW, an hour long. */
function inDays(days: number) {
  const start = new Date(NOW.getTime() + days * 24 * HOUR);
  return sampleEvent({
    start,
    end: new Date(start.getTime() + HOUR),
    recurrenceId: start.toISOString(),
  });
}

describe("keepNearestEvents", () => {
  it("keeps everything, latest start first, while under the bound", () => {
    const events = [inDays(-7), inDays(7), inDays(0)];
    const kept = keepNearestEvents(events, NOW, 3);
    expect(kept.leftOut).toBe(0);
    expect(kept.events.map((e) => e.start)).toEqual([
      inDays(7).start,
      inDays(0).start,
      inDays(-7).start,
    ]);
  });

  it("over the bound, keeps the occurrences nearest to now, both ways, and counts the rest", () => {
    // Latest-first capping (what the cache did) would have kept the far future and lost next week.
    const events = [-60, -14, -1, 1, 8, 200, 300].map(inDays);
    const kept = keepNearestEvents(events, NOW, 4);
    expect(kept.leftOut).toBe(3);
    expect(kept.events.map((e) => e.start)).toEqual([8, 1, -1, -14].map((d) => inDays(d).start));
  });

  it("keeps an event running now before any other", () => {
    const running = sampleEvent({
      start: new Date(NOW.getTime() - 30 * 24 * HOUR),
      end: new Date(NOW.getTime() + 24 * HOUR),
      uid: "conference",
    });
    const kept = keepNearestEvents([inDays(1), running, inDays(-1)], NOW, 1);
    expect(kept.events).toEqual([running]);
  });
});
