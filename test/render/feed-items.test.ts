import { describe, expect, it } from "vitest";
import { FEED_CONTENT_BYTES, feedItems, MAX_FEED_ITEMS } from "../../src/render/feed-items.ts";
import { renderAtom } from "../../src/render/render-atom.ts";
import { renderRss } from "../../src/render/render-rss.ts";
import { adaPost as post, sampleSite } from "../helpers/sample-site.ts";
import { parseXml } from "./hostile-xml.ts";

/** A post of about 190 KB of sanitized HTML, as big as the content bounds let one be. */
const bigContent = `<p>${"Reproducible builds everywhere. ".repeat(6_000)}</p>`;

describe("feedItems", () => {
  it("carries ordinary posts whole", () => {
    const posts = [post(1), post(2), post(3)];
    const site = sampleSite({ posts });
    const items = feedItems(site, site.posts);
    expect(items.map((item) => item.contentHtml)).toEqual(posts.map((p) => p.contentHtml));
  });

  it("carries no more than MAX_FEED_ITEMS items, whatever postsPerPage says", () => {
    const site = sampleSite({
      posts: Array.from({ length: MAX_FEED_ITEMS + 50 }, (_, i) => post(i)),
    });
    expect(feedItems(site, site.posts)).toHaveLength(MAX_FEED_ITEMS);
  });

  it("gives excerpts with a link to the original once the feed's content budget is spent", () => {
    const site = sampleSite({
      posts: Array.from({ length: 60 }, (_, i) => post(i, { contentHtml: bigContent })),
    });
    const items = feedItems(site, site.posts);
    const whole = items.filter((item) => item.contentHtml === bigContent).length;
    expect(whole).toBe(Math.floor(FEED_CONTENT_BYTES / bigContent.length));
    const excerpt = items.at(-1)?.contentHtml ?? "";
    expect(excerpt.length).toBeLessThan(1_000);
    expect(excerpt).toMatch(
      /…<\/p><p><a href="[^"]+" rel="nofollow ugc noopener">Continue reading<\/a><\/p>$/,
    );
  });
});

describe("the aggregated feeds of a planet of huge posts", () => {
  const posts = Array.from({ length: 100 }, (_, i) =>
    post(i, { contentHtml: bigContent, title: "T".repeat(1_000), categories: ["x".repeat(100)] }),
  );
  const heavy = sampleSite({ posts, config: { postsPerPage: 100 } });

  it("stay under 2 MB and well-formed", () => {
    for (const xml of [renderRss(heavy, "rss.xml"), renderAtom(heavy)]) {
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(2_000_000);
      parseXml(xml);
    }
  });
});
