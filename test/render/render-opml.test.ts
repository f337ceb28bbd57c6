import { describe, expect, it } from "vitest";
import type { Member } from "../../src/model/site.ts";
import { renderOpml } from "../../src/render/render-opml.ts";
import { HOSTILE_TEXT, HOSTILE_TEXT_BACK, parseXml, site } from "./sample-site.ts";

const member = (name: string, fields: Partial<Member> = {}): Member => ({
  name,
  feedUrl: `https://${name.toLowerCase()}.example/feed.xml`,
  link: `https://${name.toLowerCase()}.example/`,
  face: null,
  feedTitle: null,
  categories: [],
  ...fields,
});

describe("renderOpml", () => {
  it("writes an OPML 2.0 blogroll: one outline per member, in config order", () => {
    const members = [
      member("Zed", { feedTitle: "Zed's notes" }),
      member("Alice", { link: null }),
      member("Bob"),
    ];
    const opml = parseXml(renderOpml(site([], {}, members))).opml;
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
    const hostile = member("x", {
      name: `${HOSTILE_TEXT} "quoted"`,
      feedTitle: HOSTILE_TEXT,
      feedUrl: "https://x.example/feed?a=1&amp;b=2&c",
    });
    const opml = parseXml(renderOpml(site([], { title: HOSTILE_TEXT }, [hostile]))).opml;
    expect(opml.head.title).toBe(HOSTILE_TEXT_BACK);
    const [outline] = opml.body.outline;
    expect(outline["@text"]).toBe(`${HOSTILE_TEXT_BACK} "quoted"`);
    expect(outline["@title"]).toBe(HOSTILE_TEXT_BACK);
    expect(outline["@xmlUrl"]).toBe("https://x.example/feed?a=1&amp;b=2&c");
  });

  it("never writes an e-mail address, not even the owner's", () => {
    expect(renderOpml(site([], {}, [member("Alice")]))).not.toContain("@");
  });

  it("writes an empty body for a planet with no members", () => {
    expect(parseXml(renderOpml(site([], {}, []))).opml.body.outline).toBeUndefined();
  });
});
