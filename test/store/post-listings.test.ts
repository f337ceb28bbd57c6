import { describe, expect, it } from "vitest";
import { contentDigestOf } from "../../src/model/post.ts";
import { toStoredPost } from "../../src/store/feed-record.ts";
import { listContent } from "../../src/store/post-listings.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

describe("listContent", () => {
  it("lists a post without its content or what made it, which pages never show", () => {
    const post = samplePost("https://ada.example/feed.xml", 1);
    const stored = toStoredPost(post, { input: "a".repeat(64), shortened: false });
    const [listed] = listContent({ posts: [stored], events: [] }, null).posts;
    expect(listed).not.toHaveProperty("contentHtml");
    expect(listed).not.toHaveProperty("sanitized");
    expect(listed?.contentDigest).toBe(contentDigestOf(post.contentHtml));
  });
});
