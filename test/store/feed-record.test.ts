import { describe, expect, it } from "vitest";
import {
  appendHistory,
  feedRecordSchema,
  fromStoredPost,
  HISTORY_LIMIT,
  hashBody,
  newFeedRecord,
  toStoredPost,
} from "../../src/store/feed-record.ts";
import { samplePost, sampleRecord } from "../helpers/feed-record-sample.ts";

describe("stored posts", () => {
  it("round-trip through JSON with dates at the same instant", () => {
    const post = samplePost("https://a.example/feed", 1);
    const stored = JSON.parse(JSON.stringify(toStoredPost(post)));
    expect(fromStoredPost(stored)).toEqual(post);
    expect(fromStoredPost(stored).published?.getTime()).toBe(post.published?.getTime());
  });

  it("store an invalid date as no date", () => {
    const post = { ...samplePost("https://a.example/feed", 2), published: new Date(Number.NaN) };
    expect(toStoredPost(post).published).toBeNull();
  });
});

describe("feedRecordSchema", () => {
  it("accepts a fresh record and a full one", () => {
    expect(feedRecordSchema.safeParse(newFeedRecord("https://a.example/")).success).toBe(true);
    expect(feedRecordSchema.safeParse(sampleRecord("https://a.example/", 3)).success).toBe(true);
  });

  it("reads a record written before advertisedFeeds and events existed, keeping its posts", () => {
    const { advertisedFeeds, events, ...older } = sampleRecord("https://a.example/", 2);
    const parsed = feedRecordSchema.parse(older);
    expect(parsed.posts).toHaveLength(2);
    expect([parsed.advertisedFeeds, parsed.events]).toEqual([[], []]);
    expect([advertisedFeeds, events]).toEqual([[], []]);
  });

  it("rejects an unknown error kind and a bad date", () => {
    const record = sampleRecord("https://a.example/", 1);
    const badKind = { ...record, error: { kind: "gremlins", message: "?" } };
    expect(feedRecordSchema.safeParse(badKind).success).toBe(false);
    expect(feedRecordSchema.safeParse({ ...record, lastSuccess: "yesterday" }).success).toBe(false);
  });
});

describe("appendHistory", () => {
  it("keeps the newest entries only", () => {
    let history = newFeedRecord("https://a.example/").history;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      const at = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
      history = appendHistory(history, { at, outcome: "ok", status: 200, error: null });
    }
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)?.at).toBe("2025-01-01T00:24:00.000Z");
  });
});

describe("hashBody", () => {
  it("is sha256 hex", () => {
    expect(hashBody(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
