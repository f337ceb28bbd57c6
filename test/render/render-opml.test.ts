import { describe, expect, it } from "vitest";
import { renderOpml } from "../../src/render/render-opml.ts";
import { sampleMember, sampleSite } from "../helpers/sample-site.ts";
import { HOSTILE_TEXT, HOSTILE_TEXT_BACK, parseXml } from "./hostile-xml.ts";

describe("renderOpml", () => {
  it("writes an OPML 2.0 blogroll: one outline per member, in config order", () => {
    const members = [
      sampleMember("Zed", { feedTitle: "Zed's notes" }),
      sampleMember("Alice", { link: null }),
      sampleMember("Bob"),
    ];
    const opml = parseXml(renderOpml(sampleSite({ members }))).opml;
    expect(opml["@version"]).toBe("2.0");
    expect(opml.head.title).toBe("Test Planet");
    expect(opml.head.ownerName).toBe("Planet admins");
    expect(opml.body.outline).toEqual([
      {
        "@type": "rss",
        "@text": "Zed",
        "@title": "Zed's notes",
        "@xmlUrl": "https://zed.example/feed.xml",
        "@htmlUrl": "https://zed.example/",
      },
      {
        "@type": "rss",
        "@text": "Alice",
        "@title": "Alice",
        "@xmlUrl": "https://alice.example/feed.xml",
      },
      {
        "@type": "rss",
        "@text": "Bob",
        "@title": "Bob",
        "@xmlUrl": "https://bob.example/feed.xml",
        "@htmlUrl": "https://bob.example/",
      },
    ]);
  });

  it("keeps hostile names and URLs well-formed and escaped exactly once", () => {
    const hostile = sampleMember("x", {
      name: `${HOSTILE_TEXT} "quoted"`,
      feedTitle: HOSTILE_TEXT,
      feedUrl: "https://x.example/feed?a=1&amp;b=2&c",
    });
    const opml = parseXml(
      renderOpml(sampleSite({ config: { title: HOSTILE_TEXT }, members: [hostile] })),
    ).opml;
    expect(opml.head.title).toBe(HOSTILE_TEXT_BACK);
    const [outline] = opml.body.outline;
    expect(outline["@text"]).toBe(`${HOSTILE_TEXT_BACK} "quoted"`);
    expect(outline["@title"]).toBe(HOSTILE_TEXT_BACK);
    expect(outline["@xmlUrl"]).toBe("https://x.example/feed?a=1&amp;b=2&c");
  });

  it("never writes an e-mail address, not even the owner's", () => {
    expect(renderOpml(sampleSite({ members: [sampleMember("Alice")] }))).not.toContain("@");
  });

  it("writes an empty body for a planet with no members", () => {
    expect(parseXml(renderOpml(sampleSite({ members: [] }))).opml.body.outline).toBeUndefined();
  });
});
