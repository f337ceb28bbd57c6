import { describe, expect, it } from "vitest";
import { describeHealth } from "../../src/refresh/describe-health.ts";
import { type FeedRecord, newFeedRecord, stateOfRecord } from "../../src/store/feed-record.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";

const FEED_URL = "https://ada.example/feed.xml";
const NOW = new Date("2025-03-02T12:00:00Z");

/** The sample record (three posts of January 2025, fetched fine) with `fields` changed. */
function record(fields: Partial<FeedRecord> = {}): FeedRecord {
  return { ...sampleRecord(FEED_URL, 3), redirects: [], ...fields };
}

const adviceFor = (fields: Partial<FeedRecord>, now = NOW) =>
  describeHealth("Ada", stateOfRecord(record(fields), null), now).advice;

describe("describeHealth", () => {
  it("reports a fine feed as ok, with no error and no advice", () => {
    const health = describeHealth("Ada", stateOfRecord(record(), null), NOW);
    expect(health).toMatchObject({
      name: "Ada",
      url: FEED_URL,
      finalUrl: `${FEED_URL}?final`,
      ok: true,
      status: 200,
      error: null,
      advice: null,
      lastAttempt: "2025-03-01T12:00:00.000Z",
      lastSuccess: "2025-03-01T12:00:00.000Z",
      consecutiveFailures: 0,
      items: 3,
      newestItem: "2025-01-03T09:30:15.123Z",
    });
  });

  it("reports a failing feed as not ok even while its last good copy is shown", () => {
    const error = { kind: "http", message: "HTTP 500" } as const;
    const health = describeHealth(
      "Ada",
      stateOfRecord(record({ error, status: 500, consecutiveFailures: 1 }), null),
      NOW,
    );
    expect(health.ok).toBe(false);
    expect(health.error).toEqual(error);
    expect(health.items).toBe(3);
  });

  it("reports a feed never fetched (offline) as not ok", () => {
    const health = describeHealth("Ada", stateOfRecord(newFeedRecord(FEED_URL), null), NOW);
    expect(health.ok).toBe(false);
    expect(health.error?.kind).toBe("offline");
    expect(health.items).toBe(0);
    expect(health.newestItem).toBeNull();
  });

  it("dates the newest item by published, else updated, else first seen", () => {
    const [first] = record().posts;
    if (!first) throw new Error("the sample has posts");
    const undated = {
      ...first,
      published: null,
      updated: null,
      firstSeen: "2025-03-01T00:00:00.000Z",
    };
    expect(
      describeHealth("Ada", stateOfRecord(record({ posts: [first, undated] }), null), NOW)
        .newestItem,
    ).toBe("2025-03-01T00:00:00.000Z");
  });
});

describe("advice", () => {
  it("names the new URL of a permanent redirect (301 or 308)", () => {
    const to = "https://ada.example/new-feed.xml";
    expect(adviceFor({ redirects: [{ from: FEED_URL, to, permanent: true }], finalUrl: to })).toBe(
      `moved permanently to ${to}: update its url in feeds.json`,
    );
  });

  it("names the permanent target, not where a later temporary redirect led", () => {
    const to = "https://ada.example/new-feed.xml";
    const advice = adviceFor({
      redirects: [
        { from: FEED_URL, to, permanent: true },
        { from: to, to: "https://cdn.example/tmp/123.xml", permanent: false },
      ],
      finalUrl: "https://cdn.example/tmp/123.xml",
    });
    expect(advice).toBe(`moved permanently to ${to}: update its url in feeds.json`);
  });

  it("says nothing about a temporary redirect", () => {
    const to = "https://ada.example/elsewhere.xml";
    expect(adviceFor({ redirects: [{ from: FEED_URL, to, permanent: false }] })).toBeNull();
  });

  it("tells the owner what to do about 404, 410 and a host that does not resolve", () => {
    const http = (status: number) => ({
      status,
      error: { kind: "http", message: `HTTP ${status}` } as const,
      consecutiveFailures: 1,
    });
    expect(adviceFor(http(404))).toBe("not found (404): check the URL or remove the feed");
    expect(adviceFor(http(410))).toBe(
      "gone (410): the feed was removed; remove it from feeds.json",
    );
    expect(
      adviceFor({
        status: null,
        error: { kind: "dns", message: "ENOTFOUND" },
        consecutiveFailures: 1,
      }),
    ).toBe("the host name does not resolve: check the URL");
  });

  it("notes a feed failing for several builds whose old copy is still shown", () => {
    const error = { kind: "timeout", message: "timed out" } as const;
    expect(adviceFor({ error, status: null, consecutiveFailures: 2 })).toBeNull();
    const failed = (at: string) => ({ at, outcome: "failed" as const, status: null, error });
    const history = [failed("2025-03-01T10:00:00.000Z"), failed("2025-03-01T11:00:00.000Z")];
    expect(adviceFor({ error, status: null, consecutiveFailures: 3, history })).toBe(
      "failing since 2025-03-01; its last good copy is still shown",
    );
  });

  it("notes a feed that has been quiet for two years", () => {
    // The sample's newest post is of 2025-01-03.
    expect(adviceFor({}, new Date("2026-12-31T00:00:00Z"))).toBeNull();
    expect(adviceFor({}, new Date("2027-03-01T00:00:00Z"))).toBe("no new post since 2025-01-03");
  });
});

describe("describeHealth on a feed cut to the planet's bounds", () => {
  it("reports what was left out, with advice, and stays ok", () => {
    const health = describeHealth(
      "Ada",
      stateOfRecord(record({ truncated: { posts: 1, items: 19_800 } }), null),
      NOW,
    );
    expect(health.ok).toBe(true);
    expect(health.truncated).toEqual({ posts: 1, items: 19_800 });
    expect(health.advice).toBe(
      "19800 older entries left unread (only the newest 200 are read): the feed could list fewer; " +
        "1 post shortened (over 100 KB of HTML, nested over 60 levels, or a very long title, author or list of labels); each links to the original",
    );
  });

  it("reports nothing for a feed within the bounds or cached before they existed", () => {
    expect(adviceFor({ truncated: { posts: 0, items: 0 } })).toBeNull();
    const health = describeHealth("Ada", stateOfRecord(record(), null), NOW);
    expect(health.truncated).toBeNull();
  });

  it("lets a more urgent problem's advice come first", () => {
    const redirects = [{ from: FEED_URL, to: "https://ada.example/new.xml", permanent: true }];
    expect(adviceFor({ redirects, truncated: { posts: 2, items: 0 } })).toMatch(
      /^moved permanently/,
    );
  });
});
