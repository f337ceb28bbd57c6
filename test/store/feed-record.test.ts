import { describe, expect, it } from "vitest";
import {
  appendHistory,
  feedContentSchema,
  feedStateSchema,
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

describe("feedStateSchema and feedContentSchema", () => {
  it("accept a fresh record and a full one, each its own part", () => {
    for (const record of [
      newFeedRecord("https://a.example/"),
      sampleRecord("https://a.example/", 3),
    ]) {
      expect(feedStateSchema.safeParse(record).success).toBe(true);
      expect(feedContentSchema.safeParse(record).success).toBe(true);
    }
  });

  it("reject an unknown error kind, a bad date, and a post without a title", () => {
    const record = sampleRecord("https://a.example/", 1);
    const badKind = { ...record, error: { kind: "gremlins", message: "?" } };
    expect(feedStateSchema.safeParse(badKind).success).toBe(false);
    expect(feedStateSchema.safeParse({ ...record, lastSuccess: "yesterday" }).success).toBe(false);
    const { title, ...untitled } = record.posts[0] ?? {};
    expect(title).toBeDefined();
    expect(feedContentSchema.safeParse({ ...record, posts: [untitled] }).success).toBe(false);
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
