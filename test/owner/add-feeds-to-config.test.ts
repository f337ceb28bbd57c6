import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/load-config.ts";
import { addFeedsToConfig, urlKey } from "../../src/owner/add-feeds-to-config.ts";

const CONFIG = readFileSync(new URL("../fixtures/owner/feeds.json", import.meta.url), "utf8");
const ALICE = { name: "Alice Archer", url: "https://alice.example.org/atom.xml" };

describe("addFeedsToConfig", () => {
  it("adds a feed, sorts the feeds by name and keeps every other byte of the file", () => {
    const edit = addFeedsToConfig(CONFIG, [ALICE], "feeds.json");
    expect(edit.added).toEqual([ALICE]);
    expect(JSON.parse(edit.text).feeds.map((feed: { name: string }) => feed.name)).toEqual([
      "Alice Archer",
      "Bob Builder",
      "Zoe Zimmer",
    ]);
    expect(edit.text).toBe(`{
  "$schema": "./feeds.schema.json",
  "title": "Test Planet",
  "link": "https://planet.example.org/",
  "timezone": "Europe/Berlin",
  "owner": { "name": "Planet admins", "email": "planet@example.org" },
  "feeds": [
    {
      "name": "Alice Archer",
      "url": "https://alice.example.org/atom.xml"
    },
    {
      "name": "Bob Builder",
      "url": "https://bob.example.com/atom.xml",
      "link": "https://bob.example.com/",
      "categories": ["nixos"]
    },
    {
      "name": "Zoe Zimmer",
      "url": "https://zoe.example.net/feed.xml"
    }
  ],
  "events": [
    {
      "name": "Munich NixOS Meetup",
      "url": "https://www.meetup.com/Munich-NixOS-Meetup/events/ical/",
      "timezone": "Europe/Berlin"
    }
  ]
}
`);
  });

  it("skips URLs already configured as feeds or events, or offered twice, and says why", () => {
    const edit = addFeedsToConfig(
      CONFIG,
      [
        { name: "Bob again", url: "HTTPS://BOB.example.com/atom.xml" },
        { name: "Meetup", url: "https://www.meetup.com/Munich-NixOS-Meetup/events/ical/" },
        ALICE,
        { name: "Alice twice", url: ALICE.url },
        { name: "FTP", url: "ftp://files.example.org/feed.xml" },
      ],
      "feeds.json",
    );
    expect(edit.added).toEqual([ALICE]);
    expect(edit.skipped.map((skip) => `${skip.feed.name}: ${skip.reason}`)).toEqual([
      'Bob again: already in feeds.json as "Bob Builder"',
      'Meetup: already in feeds.json as "Munich NixOS Meetup"',
      'Alice twice: listed twice (first as "Alice Archer")',
      "FTP: not an http(s) URL",
    ]);
  });

  it("returns the text unchanged when nothing is new", () => {
    const edit = addFeedsToConfig(
      CONFIG,
      [{ name: "Zoe", url: "https://zoe.example.net/feed.xml" }],
      "f",
    );
    expect(edit.added).toEqual([]);
    expect(edit.text).toBe(CONFIG);
  });

  it("writes a new entry on one line where the list is written that way and it fits", () => {
    const text = `{ "title": "P", "link": "https://p.example/",\r\n  "feeds": [\r\n    { "name": "Zed", "url": "https://zed.example/feed" }\r\n  ]\r\n}\r\n`;
    const long = {
      name: "Bea",
      url: "https://bea.example.org/atom.xml",
      link: "https://bea.example.org/blog/",
    };
    const edit = addFeedsToConfig(text, [ALICE, long], "f");
    expect(edit.text).toBe(
      `{ "title": "P", "link": "https://p.example/",\r\n  "feeds": [\r\n` +
        `    { "name": "Alice Archer", "url": "https://alice.example.org/atom.xml" },\r\n` +
        `    {\r\n      "name": "Bea",\r\n      "url": "https://bea.example.org/atom.xml",\r\n` +
        `      "link": "https://bea.example.org/blog/"\r\n    },\r\n` +
        `    { "name": "Zed", "url": "https://zed.example/feed" }\r\n  ]\r\n}\r\n`,
    );
  });

  it("fills an empty list, one level inside its key", () => {
    const text = '{\n  "title": "P",\n  "link": "https://p.example/",\n  "feeds": []\n}\n';
    expect(addFeedsToConfig(text, [ALICE], "f").text).toBe(
      '{\n  "title": "P",\n  "link": "https://p.example/",\n  "feeds": [\n    {\n' +
        '      "name": "Alice Archer",\n      "url": "https://alice.example.org/atom.xml"\n    }\n  ]\n}\n',
    );
  });

  it("finds the top-level feeds list past look-alike keys inside strings and nested objects", () => {
    const text =
      '{"title": "P \\"feeds\\": [", "link": "https://p.example/", "description": "] feeds [",' +
      ' "owner": {"name": "feeds"}, "feeds": [{"name": "Zed", "url": "https://zed.example/feed"}]}';
    const edit = addFeedsToConfig(text, [ALICE], "f");
    expect(JSON.parse(edit.text).feeds).toEqual([
      ALICE,
      { name: "Zed", url: "https://zed.example/feed" },
    ]);
    expect(JSON.parse(edit.text).description).toBe("] feeds [");
  });

  it("refuses to edit an invalid config, listing its problems", () => {
    const text = CONFIG.replace('"title"', '"titel"');
    expect(() => addFeedsToConfig(text, [ALICE], "feeds.json")).toThrow(ConfigError);
  });
});

describe("urlKey", () => {
  it("spells equal http(s) URLs the same and rejects others", () => {
    expect(urlKey(" HTTP://Example.org ")).toBe("http://example.org/");
    expect(urlKey("mailto:a@example.org")).toBeNull();
    expect(urlKey("not a url")).toBeNull();
  });
});
