import { describe, expect, it } from "vitest";
import { contentDigestOf, listPost } from "../../src/model/post.ts";
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

  it("gives each post the digest listPost gives it, whatever the member is called", () => {
    const post = samplePost("https://ada.example/feed.xml", 1);
    const [listed] = listContent({ posts: [toStoredPost(post)], events: [] }, null).posts;
    expect(listed?.digest).toBe(listPost(post).digest);
    // Pages take the member's name and link from the config, which every page's key holds.
    const renamed = { ...post, member: "Ada L.", memberLink: "https://ada.example/about" };
    expect(listPost(renamed).digest).toBe(listed?.digest);
    expect(listPost({ ...post, title: "Edited" }).digest).not.toBe(listed?.digest);
  });
});
