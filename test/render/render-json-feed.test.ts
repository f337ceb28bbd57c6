import { describe, expect, it } from "vitest";
import { type JsonFeedItem, renderJsonFeed } from "../../src/render/render-json-feed.ts";
import { renderRss } from "../../src/render/render-rss.ts";
import { adaPost as post, sampleSite } from "../helpers/sample-site.ts";
import { HOSTILE_TEXT, hostilePost, parseXml } from "./hostile-xml.ts";

const feedOf = (json: string) => JSON.parse(json);

describe("renderJsonFeed", () => {
  it("writes a JSON Feed 1.1 describing the planet, with its own URL", () => {
    const feed = feedOf(renderJsonFeed(sampleSite({ posts: [post(1)] })));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Test Planet");
    expect(feed.home_page_url).toBe("https://planet.example.org/");
    expect(feed.feed_url).toBe("https://planet.example.org/feed.json");
    expect(feed.description).toBe("A planet for tests");
    expect(feed.authors).toEqual([{ name: "Planet admins" }]);
  });

  it("carries the items of rss.xml, in its order, with the same ids and titles", () => {
    const posts = [post(3), post(1, { updated: null }), post(2)];
    const sample = sampleSite({ posts: posts, config: { postsPerPage: 2 } });
    const items: JsonFeedItem[] = feedOf(renderJsonFeed(sample)).items;
    const rssItems = parseXml(renderRss(sample, "rss.xml")).rss.channel.item;
    expect(items.map((item) => [item.id, item.title])).toEqual(
      rssItems.map((item: { guid: { "#text": string }; title: string }) => [
        item.guid["#text"],
        item.title,
      ]),
    );
    expect(items[0]).toEqual({
      id: "tag:example.org,2025:post-3",
      url: "https://ada.example/posts/3",
      title: 'Ada Example: Post 3: <b> & "quotes"',
      content_html: posts[0]?.contentHtml,
      date_published: "2025-01-04T09:30:15.123Z",
      date_modified: "2025-02-01T00:00:00.000Z",
      authors: [{ name: "Ada Example", url: "https://ada.example/" }],
      tags: ["nix", "tag-3"],
    });
    expect(items[1]?.date_modified).toBeUndefined();
  });

  it("keeps hostile text as text, dropping only what no feed can carry", () => {
    const json = renderJsonFeed(
      sampleSite({ posts: [hostilePost()], config: { title: HOSTILE_TEXT } }),
    );
    const feed = feedOf(json);
    const back = "<b>x &lt;i&gt; &amp; &nbsp; &#60; ]]> A&B  é 😀";
    expect(feed.title).toBe(back);
    expect(feed.items[0].title).toBe(`${back}: ${back}`);
    expect(feed.items[0].authors).toEqual([{ name: back, url: "https://ada.example/" }]);
  });

  it("never writes an e-mail address, not even the owner's", () => {
    expect(renderJsonFeed(sampleSite({ posts: [post(1), post(2)] }))).not.toMatch(
      /@[a-z0-9-]+\.[a-z]/i,
    );
  });
});
