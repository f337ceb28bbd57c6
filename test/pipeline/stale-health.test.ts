import { describe, expect, it } from "vitest";
import { describeHealth, STALE_AFTER_MS } from "../../src/refresh/describe-health.ts";
import type { FeedRecord, HistoryEntry } from "../../src/store/feed-record.ts";
import { newFeedRecord, stateOfRecord } from "../../src/store/feed-record.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";

const URL = "https://ada.example/feed.xml";
const error = { kind: "timeout", message: "no response within 20 s" } as const;
const failed = (at: string): HistoryEntry => ({ at, outcome: "failed", status: null, error });
const succeeded = (at: string): HistoryEntry => ({ at, outcome: "ok", status: 200, error: null });

/** A feed that last succeeded at `history`'s last ok entry and has failed since. */
function failingRecord(history: HistoryEntry[]): FeedRecord {
  const failures =
    history.length - history.findLastIndex((entry) => entry.outcome !== "failed") - 1;
  return {
    ...sampleRecord(URL, 2),
    redirects: [],
    error,
    status: null,
    lastAttempt: history.at(-1)?.at ?? null,
    consecutiveFailures: failures,
    history,
  };
}

describe("stale marking", () => {
  const since = "2025-03-01T12:00:00.000Z";
  const record = failingRecord([
    succeeded("2025-02-28T12:00:00.000Z"),
    failed(since),
    failed("2025-03-05T12:00:00.000Z"),
  ]);
  const justBefore = new Date(Date.parse(since) + STALE_AFTER_MS);
  const justAfter = new Date(Date.parse(since) + STALE_AFTER_MS + 60_000);

  it("dates the failure streak from its first failure", () => {
    expect(describeHealth("Ada", stateOfRecord(record, null), justBefore)).toMatchObject({
      failingSince: since,
      stale: false,
    });
  });

  it("marks a feed failing for more than seven days stale, saying its old posts are shown", () => {
    expect(describeHealth("Ada", stateOfRecord(record, null), justAfter)).toMatchObject({
      ok: false,
      stale: true,
      items: 2,
      advice: "failing since 2025-03-01 (stale: over 7 days); its last good copy is still shown",
    });
  });

  it("counts from the oldest failure remembered when the streak is longer than the history", () => {
    const all = failingRecord([failed("2025-01-01T00:00:00.000Z"), failed(since)]);
    expect(describeHealth("Ada", stateOfRecord(all, null), justBefore).failingSince).toBe(
      "2025-01-01T00:00:00.000Z",
    );
  });

  it("never marks a working feed, or one never fetched, stale", () => {
    const fine = { ...sampleRecord(URL, 2), redirects: [] };
    expect(
      describeHealth("Ada", stateOfRecord(fine, null), new Date("2030-01-01T00:00:00Z")),
    ).toMatchObject({
      failingSince: null,
      stale: false,
    });
    expect(describeHealth("Ada", stateOfRecord(newFeedRecord(URL), null), justAfter)).toMatchObject(
      {
        failingSince: null,
        stale: false,
      },
    );
  });

  it("keeps the more specific advice of a gone feed", () => {
    const gone = {
      ...record,
      status: 410,
      error: { kind: "http", message: "HTTP 410 Gone" },
    } as const;
    expect(describeHealth("Ada", stateOfRecord(gone, null), justAfter)).toMatchObject({
      stale: true,
      advice: "gone (410): the feed was removed; remove it from feeds.json",
    });
  });
});
