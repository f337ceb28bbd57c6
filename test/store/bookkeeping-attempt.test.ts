import { describe, expect, it } from "vitest";
import type { FetchResult } from "../../src/model/fetch-result.ts";
import { refreshState } from "../../src/refresh/refresh-record.ts";
import { bookkeepingAttemptBetween, withAttempts } from "../../src/store/bookkeeping-attempt.ts";
import { type FeedState, HISTORY_LIMIT } from "../../src/store/feed-record.ts";
import { notModifiedSince, sampleRecord } from "../helpers/feed-record-sample.ts";

const URL_A = "https://a.example/feed";
const LATER = new Date("2025-03-02T12:00:00.000Z");
const { posts: _posts, events: _events, version: _version, ...fetched } = sampleRecord(URL_A, 1);
const previous: FeedState = fetched;
const unchanged = notModifiedSince(previous);

describe("bookkeepingAttemptBetween", () => {
  it.each([
    ["a 304", unchanged],
    [
      "a 200 with the same body",
      {
        ...unchanged,
        outcome: "ok",
        status: 200,
        body: new Uint8Array(),
        contentType: "application/rss+xml",
      } satisfies FetchResult,
    ],
  ])("finds %s that changed nothing else, and replays it to the same state", (_what, result) => {
    const next = refreshState(previous, result, LATER);
    const attempt = bookkeepingAttemptBetween(previous, next);
    expect(attempt).toEqual({
      at: LATER.toISOString(),
      outcome: result.outcome,
      status: result.status,
    });
    expect(withAttempts(previous, attempt === null ? [] : [attempt])).toEqual(next);
  });

  it.each([
    ["new validators", { ...unchanged, validators: { etag: '"new"', lastModified: null } }],
    ["another final URL", { ...unchanged, finalUrl: `${URL_A}?moved` }],
    ["no redirect any more", { ...unchanged, redirects: [] }],
    [
      "a failure",
      {
        ...unchanged,
        outcome: "failed",
        status: 503,
        error: { kind: "http", message: "HTTP 503" },
        retryAfter: null,
      } satisfies FetchResult,
    ],
  ])("finds none in an attempt that brought %s", (_what, result) => {
    expect(bookkeepingAttemptBetween(previous, refreshState(previous, result, LATER))).toBeNull();
  });

  it("finds none in a success that clears an earlier failure", () => {
    const failing: FeedState = {
      ...previous,
      error: { kind: "timeout", message: "timed out" },
      consecutiveFailures: 2,
    };
    expect(bookkeepingAttemptBetween(failing, refreshState(failing, unchanged, LATER))).toBeNull();
  });
});

describe("withAttempts", () => {
  it("keeps the newest HISTORY_LIMIT entries of the history, as a write would", () => {
    const times = Array.from({ length: HISTORY_LIMIT + 3 }, (_, n) =>
      new Date(LATER.getTime() + n * 3_600_000).toISOString(),
    );
    const attempts = times.map((at) => ({ at, outcome: "not-modified" as const, status: 304 }));
    const replayed = withAttempts(previous, attempts);
    expect(replayed.history.map((entry) => entry.at)).toEqual(times.slice(-HISTORY_LIMIT));
    expect(replayed).toMatchObject({
      lastAttempt: times.at(-1),
      lastSuccess: times.at(-1),
      status: 304,
    });
  });
});
