import { describe, expect, it } from "vitest";
import {
  contentFileBytes,
  findContentRanges,
  serializeContent,
} from "../../src/store/content-bytes.ts";
import { toStoredPost } from "../../src/store/feed-record.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

const ADA = "https://ada.example/feed.xml";

/** Stored posts of Ada's, with the given contents. */
const postsWith = (...contents: string[]) =>
  contents.map((contentHtml, n) => toStoredPost({ ...samplePost(ADA, n), contentHtml }));

describe("findContentRanges", () => {
  it("finds each post's content literal in its file's bytes, even where other text looks like one", () => {
    const posts = postsWith(
      // A content quoting the key it is stored under, and the next post's content.
      '<p>"contentHtml":"<p>same</p>" — ünïcödé</p>',
      "<p>same</p>",
      "<p>same</p>",
      // Escapes at the end of a literal: a backslash, and a quote after one.
      "C:\\",
      '\\"',
    );
    // A field written before the content that holds the same text.
    for (const post of posts) post.title = "<p>same</p>";
    const { bytes } = serializeContent({ posts, events: [] });
    const ranges = findContentRanges(bytes, posts.length);
    expect(
      ranges.map((range) => JSON.parse(bytes.subarray(range?.start, range?.end).toString())),
    ).toEqual(posts.map((post) => post.contentHtml));
    for (const range of ranges) {
      const start = range?.start ?? 0;
      expect(bytes.subarray(start - '"contentHtml":'.length, start).toString()).toBe(
        '"contentHtml":',
      );
    }
    // Two posts with the same content: each is found in its own post.
    expect(new Set(ranges.map((range) => range?.start)).size).toBe(5);
  });

  it("finds nothing past the posts the bytes hold", () => {
    const { bytes } = serializeContent({ posts: postsWith("<p>one</p>"), events: [] });
    expect(findContentRanges(bytes, 2)).toEqual([expect.any(Object), null]);
  });
});

describe("contentFileBytes", () => {
  it("makes a content file's bytes again from its content, unless they hash otherwise", () => {
    const content = { posts: postsWith("<p>one</p>", "<p>two</p>"), events: [] };
    const written = serializeContent(content);
    expect(contentFileBytes(content, written.sha256)).toEqual(written.bytes);
    expect(contentFileBytes(content, "0".repeat(64))).toBeNull();
  });
});
