import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFeedList } from "../../src/owner/read-feed-list.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/owner/${name}`, import.meta.url), "utf8");

describe("readFeedList", () => {
  it("reads every feed outline of an OPML file, folders included, in document order", () => {
    expect(readFeedList(fixture("subscriptions.opml"))).toEqual({
      ok: true,
      format: "opml",
      feeds: [
        {
          name: "Alice's Nix notes",
          url: "https://alice.example.org/atom.xml",
          link: "https://alice.example.org/",
        },
        { name: "Carol on packaging", url: "https://carol.example.org/rss.xml" },
        { name: "Bob (already a member)", url: "https://bob.example.com/atom.xml" },
        { name: "Alice again, in another folder", url: "https://alice.example.org/atom.xml" },
        { name: "Podcast over FTP", url: "ftp://files.example.org/podcast.xml" },
        { name: "nameless.example.com", url: "https://nameless.example.com/feed/" },
      ],
    });
  });

  it("reads the feed sections of a Planet Venus config.ini and leaves its settings out", () => {
    expect(readFeedList(fixture("venus-config.ini"))).toEqual({
      ok: true,
      format: "venus",
      feeds: [
        {
          name: "Sander van der Burg",
          url: "http://sandervanderburg.blogspot.com/feeds/posts/default",
        },
        {
          name: "Domen Kozar",
          url: "https://www.domenkozar.com/category/nixos/feed/atom/index.xml",
        },
        { name: "nixos.example.org", url: "http://nixos.example.org/news.rss" },
        { name: "Zoe Zimmer (listed again)", url: "https://zoe.example.net/feed.xml" },
      ],
    });
  });

  it("tells the owner when a file is neither", () => {
    expect(readFeedList("just some notes\n")).toMatchObject({ ok: false });
    expect(readFeedList("<html><body>a page</body></html>")).toEqual({
      ok: false,
      message: "not a readable OPML file (Invalid OPML format)",
    });
  });
});
