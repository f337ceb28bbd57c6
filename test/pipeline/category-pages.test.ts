import { XMLParser } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

// Alice is filed under nixos, Bob under nixos and haskell.
const NOW = "2017-03-31T12:00:00Z";
let planet: FixturePlanet;
let tree: Map<string, string>;

beforeAll(async () => {
  planet = await startFixturePlanet("category-planet", NOW);
  await planet.build();
  tree = await readTree(planet.env.outDir);
}, 120_000);
afterAll(() => planet.close());

const page = (path: string) => parseHTML(tree.get(path) ?? "").document;
const titles = (path: string) =>
  [...page(path).querySelectorAll(".h-entry .post-title")].map((title) => title.textContent);
const texts = (path: string, selector: string) =>
  [...page(path).querySelectorAll(selector)].map((element) => element.textContent?.trim());

describe("category pages", () => {
  it("list the posts of every member filed under the category, newest first", () => {
    expect(titles("categories/nixos/index.html")).toEqual([
      "Reconstructing Disnix deployments",
      "<b>x and NixOS 17.03",
      "Shared post",
      "Push and pull deployment",
    ]);
    expect(titles("categories/haskell/index.html")).toEqual([
      "<b>x and NixOS 17.03",
      "Shared post",
    ]);
  });

  it("group posts under day headings and name the category's members", () => {
    const days = [...page("categories/nixos/index.html").querySelectorAll("h2 > time")];
    expect(days.map((day) => day.getAttribute("datetime"))).toEqual([
      "2017-03-14",
      "2017-01-02",
      "2016-10-26",
    ]);
    expect(texts("categories/haskell/index.html", ".category-members a")).toEqual(["Bob"]);
    expect(texts("categories/nixos/index.html", ".category-members a")).toEqual(["Alice", "Bob"]);
  });

  it("are linked from the sidebar and listed in sitemap.xml", () => {
    const links = [...page("index.html").querySelectorAll(".sidebar .categories a")];
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["haskell", "/categories/haskell/"],
      ["nixos", "/categories/nixos/"],
    ]);
    expect(tree.get("sitemap.xml")).toContain(
      "<loc>https://planet.example.org/categories/haskell/</loc>",
    );
  });

  it("each have their own RSS and Atom feeds of the category's posts, with their own self link", () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const rss = xml.parse(tree.get("categories/haskell/rss.xml") ?? "").rss.channel;
    expect(rss.title).toBe("Category Test Planet: haskell");
    expect(rss.link).toBe("https://planet.example.org/categories/haskell/");
    expect(rss["atom:link"]["@href"]).toBe("https://planet.example.org/categories/haskell/rss.xml");
    expect([rss.item].flat().map((item: { title: string }) => item.title)).toEqual([
      "Bob: <b>x and NixOS 17.03",
      "Bob: Shared post",
    ]);
    const atom = xml.parse(tree.get("categories/nixos/atom.xml") ?? "").feed;
    expect(atom.id).toBe("https://planet.example.org/categories/nixos/");
    expect(atom.link[0]["@href"]).toBe("https://planet.example.org/categories/nixos/atom.xml");
    expect(atom.entry).toHaveLength(4);
  });

  it("announce their feeds in the head and link them visibly", () => {
    const doc = page("categories/haskell/index.html");
    const alternates = [...doc.querySelectorAll('head link[rel="alternate"]')].map((link) =>
      link.getAttribute("href"),
    );
    expect(alternates.slice(0, 2)).toEqual([
      "/categories/haskell/rss.xml",
      "/categories/haskell/atom.xml",
    ]);
    expect(alternates).toContain("/feed.json");
    expect(texts("categories/haskell/index.html", ".category-feeds a")).toEqual(["RSS", "Atom"]);
  });
});

describe("feed.json", () => {
  it("carries the items of rss.xml and is announced in the head of every page", () => {
    const feed = JSON.parse(tree.get("feed.json") ?? "{}");
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual([
      "Alice: Reconstructing Disnix deployments",
      "Bob: <b>x and NixOS 17.03",
      "Bob: Shared post",
      "Alice: Push and pull deployment",
    ]);
    const pages = [...tree.keys()].filter((path) => path.endsWith(".html"));
    const without = pages.filter(
      (path) =>
        !page(path).querySelector('head link[rel="alternate"][type="application/feed+json"]'),
    );
    expect(pages.length).toBeGreaterThan(3);
    expect(without).toEqual([]);
  });
});
