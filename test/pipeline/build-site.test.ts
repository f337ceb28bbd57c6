import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

const NOW = "2017-04-01T10:00:00Z";
let planet: FixturePlanet;
let firstTree: Map<string, string>;

beforeAll(async () => {
  planet = await startFixturePlanet("site", NOW);
  await planet.build();
  firstTree = await readTree(planet.env.outDir);
}, 120_000);
afterAll(() => planet.close());

const page = (path: string) => parseHTML(firstTree.get(path) ?? "").document;
const archivePages = () =>
  [...firstTree.keys()].filter((path) => /^archive\/[^/]+\/index\.html$/.test(path)).sort();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("the built planet page", () => {
  it("groups posts under one h2 per day in the planet's time zone, newest first", () => {
    const headings = [...page("index.html").querySelectorAll("h2")].filter(
      (h) => h.firstChild?.nodeName === "TIME",
    );
    // Bob's post at 23:30 UTC on March 13 is March 14 in Berlin.
    expect(headings.map((h) => h.firstElementChild?.getAttribute("datetime"))).toEqual([
      "2017-03-14",
      "2017-01-02",
    ]);
    const dayOne = headings[0]?.closest("section");
    expect(
      [...(dayOne?.querySelectorAll(".h-entry .p-name.post-title") ?? [])].map(
        (e) => e.textContent,
      ),
    ).toEqual(["Reconstructing Disnix deployments", "<b>x and NixOS 17.03"]);
  });

  it("marks every post up as an h-entry with absolute u-url, full dt-published, author card and content", () => {
    const entries = [...page("index.html").querySelectorAll(".h-entry")];
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry.querySelector(".p-name")).toBe(entry.querySelector(".post-title"));
      expect(entry.querySelector(".u-url")?.getAttribute("href")).toMatch(/^https:\/\//);
      const published = entry.querySelector("time.dt-published")?.getAttribute("datetime") ?? "";
      expect(new Date(published).toISOString()).toBe(published);
      expect(entry.querySelector(".p-author.h-card")?.textContent?.trim()).not.toBe("");
      expect(entry.querySelector(".e-content")).not.toBeNull();
    }
    expect(entries[0]?.querySelector(".u-url")?.getAttribute("href")).toBe(
      "https://alice.example.org/2017/03/reconstructing.html",
    );
  });

  it("shows the author only when distinct from the member, and never an e-mail address", () => {
    const html = firstTree.get("index.html") ?? "";
    const alice = page("index.html").querySelector(".h-entry");
    expect(alice?.querySelector(".byline")?.textContent).toMatch(/^by Alice A\. at /);
    expect(html).not.toContain("alice@example.org");
  });

  it("sanitizes content and resolves its relative links against xml:base", () => {
    const content = page("index.html").querySelector(".h-entry .e-content");
    expect(content?.querySelector("script")).toBeNull();
    expect(content?.querySelector("a")?.getAttribute("href")).toBe(
      "https://alice.example.org/docs/manifest.html",
    );
    expect(content?.querySelector("a")?.getAttribute("rel")).toBe("nofollow ugc noopener");
    expect(content?.querySelector("img")?.getAttribute("src")).toBe(
      "https://alice.example.org/img/diagram.png",
    );
    expect(content?.querySelector("img")?.hasAttribute("onerror")).toBe(false);
  });

  it("holds back posts dated after now and shows a post that two feeds carry once", () => {
    // The stream twice: on the front page, and on the archive pages, which hold every post.
    const archive = archivePages()
      .map((path) => firstTree.get(path))
      .join("");
    for (const stream of [firstTree.get("index.html") ?? "", archive]) {
      expect(stream).not.toContain("From the future");
      expect(stream.match(/Shared post<\/a>/g)).toHaveLength(1);
    }
  });

  it("puts every post on an archive page, pages sealed oldest first, each dated in its title", () => {
    const titlesOn = (path: string) =>
      [...page(path).querySelectorAll(".h-entry .post-title")].map((e) => e.textContent);
    expect(archivePages()).toEqual([
      "archive/2016-10-26/index.html",
      "archive/2017-03-14/index.html",
    ]);
    expect(titlesOn("archive/2016-10-26/index.html")).toEqual([
      expect.stringMatching(/Shared post/),
      "Reflecting on 2016",
      "Push and pull deployment",
    ]);
    expect(titlesOn("archive/2017-03-14/index.html")).toEqual([
      "Reconstructing Disnix deployments",
      "<b>x and NixOS 17.03",
    ]);
    const oldest = page("archive/2016-10-26/index.html");
    expect(oldest.querySelector("title")?.textContent).toMatch(
      /^Posts of October 26, 2016\s–\sJanuary 2, 2017 — /,
    );
    expect(oldest.querySelector("h1")?.textContent).toMatch(
      /^Posts of October 26, 2016\s–\sJanuary 2, 2017$/,
    );
    expect(oldest.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(
      "/archive/2017-03-14/",
    );
    expect(oldest.querySelector('a[rel="next"]')).toBeNull();
  });

  it("leads from the front page's older posts to the archive, which lists the months", () => {
    expect(page("index.html").querySelector('a[rel="next"]')?.getAttribute("href")).toBe(
      "/archive/",
    );
    const months = [...page("archive/index.html").querySelectorAll(".archive-months > li")];
    const dates = months.map((month) => month.querySelector("time")?.getAttribute("datetime"));
    expect(dates[0]).toBe("2017-03");
    expect(dates.at(-1)).toBe("2016-10");
    expect(months[0]?.textContent).toContain("2 posts");
    expect(months.at(-1)?.querySelector("a")?.getAttribute("href")).toBe("/archive/2016-10-26/");
  });

  it("lists the archive pages in sitemap.xml, and no page/N/", () => {
    const sitemap = firstTree.get("sitemap.xml") ?? "";
    expect(sitemap).toContain("<loc>https://planet.example.org/archive/2016-10-26/</loc>");
    expect(sitemap).toContain("<loc>https://planet.example.org/archive/</loc>");
    expect(sitemap).not.toContain("/page/");
  });
});

describe("the built feeds", () => {
  it("writes rss.xml and rss20.xml: newest first, titled 'Member: Title', text escaped once", () => {
    for (const path of ["rss.xml", "rss20.xml"]) {
      const rss = xml.parse(firstTree.get(path) ?? "");
      const items = rss.rss.channel.item;
      expect(items.map((item: { title: string }) => item.title)).toEqual([
        "Alice: Reconstructing Disnix deployments",
        "Bob: <b>x and NixOS 17.03",
        expect.stringMatching(/^(Bob|Carol): Shared post$/),
      ]);
      expect(rss.rss.channel["atom:link"]["@href"]).toBe(`https://planet.example.org/${path}`);
      expect(items[0].description).not.toContain("<script");
    }
  });

  it("writes atom.xml with ids, dates and html content", () => {
    const feed = xml.parse(firstTree.get("atom.xml") ?? "").feed;
    expect(feed.entry).toHaveLength(3);
    expect(feed.entry[0].id).toBe("tag:alice.example.org,2017:post-2");
    expect(feed.entry[0].published).toBe("2017-03-14T22:02:00.000Z");
    expect(feed.entry[0].content["@type"]).toBe("html");
  });

  it("writes opml.xml with one outline per feed", () => {
    const outlines = xml.parse(firstTree.get("opml.xml") ?? "").opml.body.outline;
    expect(outlines.map((o: Record<string, string>) => o["@text"])).toEqual([
      "Alice",
      "Bob",
      "Carol",
    ]);
    expect(outlines[1]["@htmlUrl"]).toBe("https://bob.example.net/");
  });

  it("writes health.json with one ok entry per feed", () => {
    const health = JSON.parse(firstTree.get("health.json") ?? "");
    expect(health.generated).toBe("2017-04-01T10:00:00.000Z");
    expect(health.feeds.map((f: { ok: boolean; error: unknown }) => [f.ok, f.error])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    expect(health.feeds[0].items).toBe(2);
  });
});

describe("a second build", () => {
  it("sends conditional requests and writes byte-identical output", async () => {
    const before = planet.server.requests.length;
    const page = await stat(join(planet.env.outDir, "index.html"));
    await planet.build();
    // Nothing the pages are made from changed: they are left as they are, not rendered again.
    expect((await stat(join(planet.env.outDir, "index.html"))).ino).toBe(page.ino);
    const second = planet.server.requests.slice(before);
    expect(second).toHaveLength(3);
    for (const request of second) {
      expect(request.ifNoneMatch).toMatch(/^"/);
      expect(request.status).toBe(304);
    }
    const tree = await readTree(planet.env.outDir);
    expect([...tree.keys()].sort()).toEqual([...firstTree.keys()].sort());
    // health.json reports this attempt (304 now); every page and feed is the same to the byte.
    for (const [path, text] of firstTree) {
      if (path !== "health.json") expect(tree.get(path), path).toBe(text);
    }
    const health = JSON.parse(tree.get("health.json") ?? "");
    expect(health.feeds.map((f: { status: number }) => f.status)).toEqual([304, 304, 304]);
  }, 120_000);

  it("offline, keeps every post from the cache", async () => {
    await planet.build({ offline: true });
    const html = await readFile(join(planet.env.outDir, "index.html"), "utf8");
    expect(html).toContain("Reconstructing Disnix deployments");
  }, 120_000);

  it("renders a later build's own data, not the pages of an earlier one", async () => {
    await planet.build({ offline: true, now: new Date("2030-01-02T00:00:00Z") });
    const html = await readFile(join(planet.env.outDir, "index.html"), "utf8");
    expect(html).toContain("From the future");
  }, 120_000);
});
