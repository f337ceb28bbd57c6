import { describe, expect, it } from "vitest";
import { renderAtom } from "../../src/render/render-atom.ts";
import { adaPost, sampleSite } from "../helpers/sample-site.ts";
import { HOSTILE_TEXT, HOSTILE_TEXT_BACK, hostilePost, parseXml } from "./hostile-xml.ts";

const feedOf = (xml: string) => parseXml(xml).feed;
/** An IRI as RFC 4287 wants for atom:id: a scheme, a colon, no whitespace. */
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

describe("renderAtom", () => {
  it("writes an Atom 1.0 feed describing the planet", () => {
    const feed = feedOf(
      renderAtom(sampleSite({ posts: [adaPost(1)], config: { language: "de" } })),
    );
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@xml:lang"]).toBe("de");
    expect(feed.title).toEqual({ "#text": "Test Planet", "@type": "text" });
    expect(feed.subtitle).toBe("A planet for tests");
    expect(feed.id).toBe("https://planet.example.org/");
    expect(feed.link.map((link: Record<string, string>) => [link["@rel"], link["@href"]])).toEqual([
      ["self", "https://planet.example.org/atom.xml"],
      ["alternate", "https://planet.example.org/"],
    ]);
    expect(feed.author.name).toBe("Planet admins");
  });

  it("dates the feed by its newest post, or by now when it has none", () => {
    const posts = [adaPost(5), adaPost(2)];
    expect(feedOf(renderAtom(sampleSite({ posts }))).updated).toBe("2025-01-06T09:30:15.123Z");
    expect(feedOf(renderAtom(sampleSite())).updated).toBe("2025-03-01T12:00:00.000Z");
  });

  it("writes one entry per post with title, link, dates, author, source and html content", () => {
    const [entry] = feedOf(renderAtom(sampleSite({ posts: [adaPost(1)] }))).entry;
    expect(entry.title).toEqual({
      "#text": 'Ada Example: Post 1: <b> & "quotes"',
      "@type": "text",
    });
    expect(entry.link["@href"]).toBe("https://ada.example/posts/1");
    expect(entry.published).toBe("2025-01-02T09:30:15.123Z");
    expect(entry.updated).toBe("2025-02-01T00:00:00.000Z");
    expect(entry.author).toEqual({ name: "Ada", uri: "https://ada.example/" });
    expect(entry.category.map((c: Record<string, string>) => c["@term"])).toEqual(["nix", "tag-1"]);
    expect(entry.content["@type"]).toBe("html");
    expect(entry.content["#text"]).toBe(adaPost(1).contentHtml);
    expect(entry.source.id).toBe("https://ada.example/feed.xml");
  });

  it("falls back to the post's date for updated and omits published when unknown", () => {
    const undated = adaPost(2, { published: null, updated: null });
    const [entry] = feedOf(renderAtom(sampleSite({ posts: [undated] }))).entry;
    expect(entry.published).toBeUndefined();
    expect(entry.updated).toBe(undated.firstSeen.toISOString());
  });

  it("keeps ids that are IRIs and makes a stable IRI for the others", () => {
    const posts = [
      adaPost(1, { sourceId: "tag:ada.example,2025:1" }),
      adaPost(2, { sourceId: "12345", key: "abc123" }),
      adaPost(3, { sourceId: "my first post", key: "def456" }),
      adaPost(4, { sourceId: "urn:sha256:0f0f" }),
    ];
    const xml = renderAtom(sampleSite({ posts }));
    const ids = feedOf(xml).entry.map((entry: { id: string }) => entry.id);
    expect(ids).toEqual([
      "tag:ada.example,2025:1",
      "https://planet.example.org/#post-abc123",
      "https://planet.example.org/#post-def456",
      "urn:sha256:0f0f",
    ]);
    for (const id of ids) expect(id).toMatch(IRI);
    expect(
      renderAtom(sampleSite({ posts: posts.map((p) => ({ ...p, title: "Edited" })) })),
    ).toContain("<id>https://planet.example.org/#post-abc123</id>");
  });

  it("keeps hostile text well-formed and escaped exactly once", () => {
    const hostile = hostilePost({
      sourceId: "tag:x,2025:&amp;]]>",
      contentHtml: '<p>a &lt;b&gt; &amp;&nbsp;b]]></p><a href="https://x/?a&amp;b">x</a>',
    });
    const xml = renderAtom(sampleSite({ posts: [hostile], config: { title: HOSTILE_TEXT } }));
    const feed = feedOf(xml);
    expect(feed.title["#text"]).toBe(HOSTILE_TEXT_BACK);
    const [entry] = feed.entry;
    expect(entry.title["#text"]).toBe(`${HOSTILE_TEXT_BACK}: ${HOSTILE_TEXT_BACK}`);
    expect(entry.author.name).toBe(HOSTILE_TEXT_BACK);
    expect(entry.category[0]["@term"]).toBe(HOSTILE_TEXT_BACK);
    expect(entry.source.title).toBe(HOSTILE_TEXT_BACK);
    expect(entry.id).toBe("tag:x,2025:&amp;]]>");
    expect(entry.content["#text"]).toBe(hostile.contentHtml);
  });

  it("never writes an e-mail address, not even the owner's", () => {
    expect(renderAtom(sampleSite({ posts: [adaPost(1), adaPost(2)] }))).not.toMatch(
      /@[a-z0-9-]+\.[a-z]/i,
    );
  });

  it("is the same to the byte for the same site", () => {
    const posts = [adaPost(1), adaPost(2)];
    expect(renderAtom(sampleSite({ posts }))).toBe(
      renderAtom(sampleSite({ posts: posts.map((p) => ({ ...p })) })),
    );
  });
});
