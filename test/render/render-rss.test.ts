import { describe, expect, it } from "vitest";
import { renderRss } from "../../src/render/render-rss.ts";
import { adaPost, sampleSite } from "../helpers/sample-site.ts";
import { HOSTILE_TEXT, HOSTILE_TEXT_BACK, hostilePost, parseXml } from "./hostile-xml.ts";

const channelOf = (xml: string) => parseXml(xml).rss.channel;

describe("renderRss", () => {
  it("writes an RSS 2.0 channel describing the planet, with its self link", () => {
    const xml = renderRss(sampleSite({ posts: [adaPost(1)] }), "rss20.xml");
    const rss = parseXml(xml).rss;
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.title).toBe("Test Planet");
    expect(rss.channel.link).toBe("https://planet.example.org/");
    expect(rss.channel.description).toBe("A planet for tests");
    expect(rss.channel.language).toBe("en");
    expect(rss.channel["atom:link"]["@href"]).toBe("https://planet.example.org/rss20.xml");
    expect(rss.channel["atom:link"]["@rel"]).toBe("self");
  });

  it("writes one item per post, titled 'Member: Title', in the site's order", () => {
    const posts = [adaPost(3), adaPost(1, { title: "Older", author: null }), adaPost(2)];
    const items = channelOf(renderRss(sampleSite({ posts }), "rss.xml")).item;
    expect(items.map((item: { title: string }) => item.title)).toEqual([
      'Ada Example: Post 3: <b> & "quotes"',
      "Ada Example: Older",
      'Ada Example: Post 2: <b> & "quotes"',
    ]);
    expect(items[0].link).toBe("https://ada.example/posts/3");
    expect(items[0].pubDate).toBe("Sat, 04 Jan 2025 09:30:15 GMT");
    expect(items[1]["dc:creator"]).toBe("Ada Example");
    expect(items[0].category).toEqual(["nix", "tag-3"]);
  });

  it("carries only the front page's posts", () => {
    const posts = [adaPost(1), adaPost(2), adaPost(3)];
    const items = channelOf(
      renderRss(sampleSite({ posts, config: { postsPerPage: 2 } }), "rss.xml"),
    ).item;
    expect(items).toHaveLength(2);
  });

  it("uses the entry's own id as a non-permalink guid, the same on every build", () => {
    const posts = [adaPost(1), adaPost(2, { sourceId: "https://ada.example/?p=2" })];
    const first = renderRss(sampleSite({ posts }), "rss.xml");
    const guids = channelOf(first).item.map((item: { guid: Record<string, string> }) => item.guid);
    expect(guids).toEqual([
      { "#text": "tag:example.org,2025:post-1", "@isPermaLink": "false" },
      { "#text": "https://ada.example/?p=2", "@isPermaLink": "false" },
    ]);
    expect(renderRss(sampleSite({ posts: posts.map((p) => ({ ...p })) }), "rss.xml")).toBe(first);
  });

  it("keeps content HTML as escaped text that decodes to the sanitized HTML once", () => {
    const contentHtml =
      '<p>Use <code>&lt;script&gt;</code> &amp; <a href="https://x.example/?a=1&amp;b=2">x</a>&nbsp;]]></p>';
    const [item] = channelOf(
      renderRss(sampleSite({ posts: [adaPost(1, { contentHtml })] }), "rss.xml"),
    ).item;
    expect(item.description).toBe(contentHtml);
  });

  it("keeps hostile text well-formed and escaped exactly once", () => {
    const hostile = hostilePost({ link: "https://ada.example/?q=1&amp;x=]]>" });
    const xml = renderRss(
      sampleSite({ posts: [hostile], config: { title: HOSTILE_TEXT } }),
      "rss.xml",
    );
    expect(xml).not.toContain("&amp;amp;lt;");
    const channel = channelOf(xml);
    expect(channel.title).toBe(HOSTILE_TEXT_BACK);
    const [item] = channel.item;
    expect(item.title).toBe(`${HOSTILE_TEXT_BACK}: ${HOSTILE_TEXT_BACK}`);
    expect(item["dc:creator"]).toBe(HOSTILE_TEXT_BACK);
    expect(item.category).toEqual([HOSTILE_TEXT_BACK]);
    expect(item.link).toBe("https://ada.example/?q=1&amp;x=]]>");
  });

  it("shows '<b>x' as the text <b>x, never &amp;lt;", () => {
    const xml = renderRss(sampleSite({ posts: [adaPost(1, { title: "<b>x" })] }), "rss.xml");
    expect(xml).toContain("<title>Ada Example: &lt;b&gt;x</title>");
    expect(channelOf(xml).item[0].title).toBe("Ada Example: <b>x");
  });

  it("never writes an e-mail address, not even the owner's", () => {
    const xml = renderRss(sampleSite({ posts: [adaPost(1), adaPost(2)] }), "rss.xml");
    expect(xml).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
  });

  it("writes an empty channel without a lastBuildDate when there are no posts", () => {
    const channel = channelOf(renderRss(sampleSite(), "rss.xml"));
    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBeUndefined();
  });
});
