import type { FetchResult } from "../../src/model/fetch-result.ts";
import type { Post } from "../../src/model/post.ts";
import {
  type FeedRecord,
  type FeedState,
  newFeedRecord,
  toStoredPost,
} from "../../src/store/feed-record.ts";

/** A post of `feedUrl` with every field set; `n` varies the content. */
export function samplePost(feedUrl: string, n: number): Post {
  return {
    key: `${feedUrl}#${n}`,
    sourceId: `tag:example.org,2025:post-${n}`,
    feedUrl,
    member: "Ada Example",
    memberLink: "https://ada.example/",
    title: `Post ${n}: <b> & "quotes"`,
    link: `https://ada.example/posts/${n}`,
    published: new Date(Date.UTC(2025, 0, 1 + (n % 28), 9, 30, 15, 123)),
    updated: n % 2 === 0 ? null : new Date(Date.UTC(2025, 1, 1, 0, 0, 0)),
    firstSeen: new Date(Date.UTC(2025, 2, 1, 12, 0, 0)),
    author: n % 3 === 0 ? null : "Ada",
    contentHtml: `<p>Paragraph ${n} with <a href="https://ada.example/">a link</a> — ünïcödé.</p>`,
    categories: ["nix", `tag-${n}`],
  };
}

/** A full record for `url` holding `postCount` posts. */
export function sampleRecord(url: string, postCount: number): FeedRecord {
  const posts = Array.from({ length: postCount }, (_, n) => toStoredPost(samplePost(url, n)));
  return {
    ...newFeedRecord(url),
    validators: { etag: '"abc"', lastModified: "Wed, 01 Jan 2025 10:00:00 GMT" },
    finalUrl: `${url}?final`,
    bodyHash: "0".repeat(64),
    lastAttempt: "2025-03-01T12:00:00.000Z",
    lastSuccess: "2025-03-01T12:00:00.000Z",
    status: 200,
    redirects: [{ from: url, to: `${url}?final`, permanent: true }],
    history: [{ at: "2025-03-01T12:00:00.000Z", outcome: "ok", status: 200, error: null }],
    feedTitle: "Ada's blog",
    feedLink: "https://ada.example/",
    posts,
    advertisedFeeds: [],
    events: [],
  };
}

/**
 * A 304 from the server `state` was last fetched from, as a build gets it: the same validators,
 * final URL and redirects.
 */
export function notModifiedSince(
  state: FeedState,
): Extract<FetchResult, { outcome: "not-modified" }> {
  const { url, finalUrl, validators, redirects } = state;
  return { outcome: "not-modified", url, finalUrl, status: 304, validators, redirects };
}
