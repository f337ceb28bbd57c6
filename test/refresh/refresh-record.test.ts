import { describe, expect, it } from "vitest";
import type { FetchFailure, FetchResult, RedirectNote } from "../../src/model/fetch-result.ts";
import { feedBodyReader } from "../../src/refresh/read-feed-body.ts";
import { refreshRecord } from "../../src/refresh/refresh-record.ts";
import {
  type FeedRecord,
  hashBody,
  newFeedRecord,
  POSTS_KEPT_PER_FEED,
  type StoredPost,
} from "../../src/store/feed-record.ts";

const FEED_URL = "https://alice.example.org/feed.atom";
const feed = { name: "Alice", url: FEED_URL };
const T1 = new Date("2017-03-01T10:00:00Z");
const T2 = new Date("2017-03-02T10:00:00Z");
const T3 = new Date("2017-03-03T10:00:00Z");
const context = (now: Date) => ({ now, read: feedBodyReader(feed, now) });

/** An Atom feed with one entry per [id, title, published]. */
function atom(entries: [string, string, string][]): Uint8Array {
  const body = entries
    .map(
      ([id, title, published]) => `<entry><id>${id}</id><title>${title}</title>
      <link href="https://alice.example.org/${id.split(":").at(-1)}.html"/>
      <published>${published}</published><content type="html">&lt;p&gt;${title}&lt;/p&gt;</content></entry>`,
    )
    .join("\n");
  return new TextEncoder().encode(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Alice's notes</title>
<link rel="alternate" href="https://alice.example.org/"/><id>tag:alice.example.org,2017:feed</id>
${body}</feed>`);
}

function ok(body: Uint8Array, fields: Partial<Extract<FetchResult, { outcome: "ok" }>> = {}) {
  return {
    outcome: "ok",
    url: FEED_URL,
    finalUrl: FEED_URL,
    status: 200,
    body,
    contentType: "application/atom+xml",
    validators: { etag: '"v2"', lastModified: null },
    redirects: [],
    ...fields,
  } satisfies FetchResult;
}

function failed(error: FetchFailure, status: number | null = null): FetchResult {
  return {
    outcome: "failed",
    url: FEED_URL,
    finalUrl: FEED_URL,
    status,
    error,
    redirects: [],
    retryAfter: null,
  };
}

const notModified = (redirects: RedirectNote[] = []): FetchResult => ({
  outcome: "not-modified",
  url: FEED_URL,
  finalUrl: FEED_URL,
  status: 304,
  validators: { etag: '"v1"', lastModified: null },
  redirects,
});

const titles = (record: FeedRecord) => record.posts.map((post: StoredPost) => post.title);

/** A record after one successful fetch of a feed with posts one and two. */
async function firstCopy(): Promise<FeedRecord> {
  return await refreshRecord(
    newFeedRecord(FEED_URL),
    ok(
      atom([
        ["tag:a,2017:two", "Two", "2017-02-02T00:00:00Z"],
        ["tag:a,2017:one", "One", "2017-02-01T00:00:00Z"],
      ]),
    ),
    context(T1),
  );
}

describe("a successful fetch", () => {
  it("stores the posts, the validators, the body hash and the feed's own title and link", async () => {
    const record = await firstCopy();
    expect(titles(record)).toEqual(["Two", "One"]);
    expect(record.validators).toEqual({ etag: '"v2"', lastModified: null });
    expect(record.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.feedTitle).toBe("Alice's notes");
    expect(record.feedLink).toBe("https://alice.example.org/");
    expect(record).toMatchObject({
      lastAttempt: T1.toISOString(),
      lastSuccess: T1.toISOString(),
      status: 200,
      error: null,
      consecutiveFailures: 0,
    });
    expect(record.history).toEqual([
      { at: T1.toISOString(), outcome: "ok", status: 200, error: null },
    ]);
  });

  it("merges new entries into the last good copy and keeps entries that left the feed", async () => {
    const next = await refreshRecord(
      await firstCopy(),
      ok(
        atom([
          ["tag:a,2017:three", "Three", "2017-02-03T00:00:00Z"],
          ["tag:a,2017:two", "Two (edited)", "2017-02-02T00:00:00Z"],
        ]),
      ),
      context(T2),
    );
    expect(titles(next)).toEqual(["Three", "Two (edited)", "One"]);
    const firstSeen = Object.fromEntries(next.posts.map((p) => [p.sourceId, p.firstSeen]));
    expect(firstSeen).toEqual({
      "tag:a,2017:three": T2.toISOString(),
      "tag:a,2017:two": T1.toISOString(),
      "tag:a,2017:one": T1.toISOString(),
    });
  });

  it(`keeps at most ${POSTS_KEPT_PER_FEED} posts, dropping the oldest`, async () => {
    const entries = Array.from({ length: POSTS_KEPT_PER_FEED + 5 }, (_, i) => {
      const date = new Date(Date.UTC(2016, 0, 1) + i * 3_600_000).toISOString();
      return [`tag:a,2016:${i}`, `Post ${i}`, date] satisfies [string, string, string];
    });
    const record = await refreshRecord(newFeedRecord(FEED_URL), ok(atom(entries)), context(T1));
    expect(record.posts).toHaveLength(POSTS_KEPT_PER_FEED);
    expect(record.posts.at(-1)?.title).toBe("Post 5");
    expect(record.truncated).toEqual({ posts: 0, items: 5 });
  });

  it("records what the last good copy left out, and keeps it while nothing new is read", async () => {
    const huge = `Huge ${"word ".repeat(30_000)}`;
    const first = await refreshRecord(
      newFeedRecord(FEED_URL),
      ok(atom([["tag:a,2017:huge", huge, T1.toISOString()]])),
      context(T1),
    );
    expect(first.truncated).toEqual({ posts: 1, items: 0 });
    const again = await refreshRecord(
      first,
      failed({ kind: "timeout", message: "slow" }),
      context(T2),
    );
    expect(again.truncated).toEqual({ posts: 1, items: 0 });
  });

  it("does not parse a body whose hash equals the stored one", async () => {
    // A body that would fail to parse, recorded as the last good copy's hash: only a record
    // that skips parsing can come out of this as a success with the old posts.
    const garbage = new TextEncoder().encode("<html><body>not a feed</body></html>");
    const previous = { ...(await firstCopy()), bodyHash: hashBody(garbage) };
    const next = await refreshRecord(previous, ok(garbage), context(T2));
    expect(next.error).toBeNull();
    expect(titles(next)).toEqual(["Two", "One"]);
    expect(next.lastSuccess).toBe(T2.toISOString());
    expect(next.validators.etag).toBe('"v2"');

    // And a body that parses to other posts, with the stored hash, leaves the posts as they were.
    const other = atom([["tag:a,2017:new", "New", "2017-02-05T00:00:00Z"]]);
    const same = await refreshRecord(
      { ...(await firstCopy()), bodyHash: hashBody(other) },
      ok(other),
      context(T2),
    );
    expect(titles(same)).toEqual(["Two", "One"]);
  });
});

describe("a changed feed's unchanged entries", () => {
  /** The first copy with every stored post's content replaced by `html`. */
  async function storedAs(html: string): Promise<FeedRecord> {
    const first = await firstCopy();
    return { ...first, posts: first.posts.map((post) => ({ ...post, contentHtml: html })) };
  }
  const contentOf = (record: FeedRecord) =>
    Object.fromEntries(record.posts.map((post) => [post.sourceId, post.contentHtml]));
  const changedFeed = atom([
    ["tag:a,2017:three", "Three", "2017-02-03T00:00:00Z"],
    ["tag:a,2017:two", "Two", "2017-02-02T00:00:00Z"],
    ["tag:a,2017:one", "One (edited)", "2017-02-01T00:00:00Z"],
  ]);

  it("keep their stored content instead of being sanitized again", async () => {
    // Content no sanitizing of "<p>Two</p>" gives: it can only be there if it was kept.
    const next = await refreshRecord(
      await storedAs("<p>as stored</p>"),
      ok(changedFeed),
      context(T2),
    );
    expect(contentOf(next)).toEqual({
      "tag:a,2017:three": "<p>Three</p>",
      "tag:a,2017:two": "<p>as stored</p>",
      "tag:a,2017:one": "<p>One (edited)</p>",
    });
    for (const post of next.posts) expect(post.sanitized?.input).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keep whether their content was shortened", async () => {
    const previous = await firstCopy();
    const posts = previous.posts.map((post) =>
      post.sanitized === undefined
        ? post
        : { ...post, sanitized: { ...post.sanitized, shortened: true } },
    );
    const next = await refreshRecord({ ...previous, posts }, ok(changedFeed), context(T2));
    expect(next.truncated).toEqual({ posts: 1, items: 0 });
  });

  it("are sanitized again when the cache does not say what made their content", async () => {
    const previous = await storedAs("<p>as stored</p>");
    const posts = previous.posts.map(({ sanitized: _sanitized, ...post }) => post);
    const next = await refreshRecord({ ...previous, posts }, ok(changedFeed), context(T2));
    expect(contentOf(next)["tag:a,2017:two"]).toBe("<p>Two</p>");
  });
});

describe("a 304 Not Modified", () => {
  it("keeps the posts, takes the new validators and counts as a success", async () => {
    const failing = await refreshRecord(
      await firstCopy(),
      failed({ kind: "timeout", message: "timed out" }),
      context(T2),
    );
    const next = await refreshRecord(failing, notModified(), context(T3));
    expect(titles(next)).toEqual(["Two", "One"]);
    expect(next).toMatchObject({
      status: 304,
      error: null,
      consecutiveFailures: 0,
      lastSuccess: T3.toISOString(),
      validators: { etag: '"v1"', lastModified: null },
    });
    expect(next.history.at(-1)?.outcome).toBe("not-modified");
  });
});

describe("a failure", () => {
  it("of the fetch keeps the last good copy and counts consecutive failures", async () => {
    const error = { kind: "http", message: "HTTP 500" } as const;
    const once = await refreshRecord(await firstCopy(), failed(error, 500), context(T2));
    const twice = await refreshRecord(once, failed(error, 500), context(T3));
    expect(titles(twice)).toEqual(["Two", "One"]);
    expect(twice).toMatchObject({
      error,
      status: 500,
      consecutiveFailures: 2,
      lastAttempt: T3.toISOString(),
      lastSuccess: T1.toISOString(),
      validators: { etag: '"v2"', lastModified: null },
    });
    expect(twice.history.map((h) => h.outcome)).toEqual(["ok", "failed", "failed"]);
  });

  it("to parse keeps the last good copy and its hash, and names the problem", async () => {
    const previous = await firstCopy();
    const truncated = new TextEncoder().encode(
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Alice</title><entry>',
    );
    const next = await refreshRecord(previous, ok(truncated), context(T2));
    expect(titles(next)).toEqual(["Two", "One"]);
    expect(next.error?.kind).toBe("parse");
    expect(next.error?.message).toMatch(/truncated/);
    expect(next.consecutiveFailures).toBe(1);
    expect(next.bodyHash).toBe(previous.bodyHash);
    expect(next.lastSuccess).toBe(T1.toISOString());
  });

  it("is forgotten by the next success", async () => {
    const failing = await refreshRecord(
      await firstCopy(),
      failed({ kind: "dns", message: "ENOTFOUND" }),
      context(T2),
    );
    const next = await refreshRecord(
      failing,
      ok(atom([["tag:a,2017:two", "Two", "2017-02-02T00:00:00Z"]])),
      context(T3),
    );
    expect(next.error).toBeNull();
    expect(next.consecutiveFailures).toBe(0);
  });
});

describe("redirects", () => {
  it("are recorded with the final URL, and relative links resolve against it", async () => {
    const moved = "https://new.example.org/feed.atom";
    const redirects = [{ from: FEED_URL, to: moved, permanent: true }];
    const body = new TextEncoder().encode(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>A</title>
<item><guid>1</guid><title>Moved</title><link>/posts/1.html</link></item></channel></rss>`);
    const record = await refreshRecord(
      newFeedRecord(FEED_URL),
      ok(body, { finalUrl: moved, redirects }),
      context(T1),
    );
    expect(record.finalUrl).toBe(moved);
    expect(record.redirects).toEqual(redirects);
    expect(record.posts[0]?.link).toBe("https://new.example.org/posts/1.html");
  });
});
