import { expect, it } from "vitest";
import { describeHealth } from "../../src/refresh/describe-health.ts";
import { feedBodyReader } from "../../src/refresh/read-feed-body.ts";
import { refreshRecord } from "../../src/refresh/refresh-record.ts";
import { newFeedRecord, stateOfRecord } from "../../src/store/feed-record.ts";

it("a blog page configured as a feed is reported with the feed URL it advertises", async () => {
  const url = "https://blog.example.org/";
  const now = new Date("2017-03-30T12:00:00Z");
  const page = `<!doctype html><html><head><title>Blog</title>
    <link rel="alternate" type="application/atom+xml" href="/feeds/posts/default"></head>
    <body><p>Hello</p></body></html>`;
  const record = await refreshRecord(
    newFeedRecord(url),
    {
      outcome: "ok",
      url,
      finalUrl: url,
      status: 200,
      body: new TextEncoder().encode(page),
      contentType: "text/html; charset=utf-8",
      validators: { etag: null, lastModified: null },
      redirects: [],
    },
    { now, read: feedBodyReader({ name: "Blog", url }, now) },
  );
  const health = describeHealth("Blog", stateOfRecord(record, null), now);
  expect(health.ok).toBe(false);
  expect(health.error?.kind).toBe("parse");
  expect(health.advice).toBe(
    "this is an HTML page; its feed is https://blog.example.org/feeds/posts/default: put that URL in feeds.json",
  );
});
