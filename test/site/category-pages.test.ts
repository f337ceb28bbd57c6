import { describe, expect, it } from "vitest";
import { categoryHref, categoryPages, categoryPosts } from "../../src/site/category-pages.ts";
import { listPages } from "../../src/site/site-map.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { sampleMember, sampleSite } from "../helpers/sample-site.ts";

describe("category pages", () => {
  const ada = sampleMember("Ada", { categories: ["NixOS", "Haskell"] });
  const bob = sampleMember("Bob", { categories: ["nixos"] });
  const cy = sampleMember("Cy", { categories: ["C++", "C", "日本語"] });
  const dee = sampleMember("Dee");
  const adaPost = samplePost(ada.feedUrl, 1);
  const bobPost = samplePost(bob.feedUrl, 2);
  const deePost = samplePost(dee.feedUrl, 3);
  const event = samplePost("https://meetup.example/events.rss", 4);
  const site = sampleSite({
    members: [ada, bob, cy, dee],
    posts: [deePost, bobPost, adaPost, event],
    config: { link: "https://example.org/planet/" },
  });
  const pages = categoryPages(site);
  const page = (name: string) => pages.find((category) => category.name === name);

  it("has one page per category in use, sorted by name, spelled as first configured", () => {
    expect(pages.map(({ name, slug }) => [name, slug])).toEqual([
      ["C", "c-2"],
      ["C++", "c"],
      ["Haskell", "haskell"],
      ["NixOS", "nixos"],
      ["日本語", "category"],
    ]);
    expect(categoryHref(site, "nixos")).toBe("/planet/categories/nixos/");
  });

  it("files a member under each of their categories, once, in config order", () => {
    expect(page("NixOS")?.members).toEqual([ada, bob]);
    expect(page("Haskell")?.members).toEqual([ada]);
  });

  it("holds the posts of its members only, newest first, without event announcements", () => {
    const nixos = page("NixOS");
    const haskell = page("Haskell");
    if (!nixos || !haskell) throw new Error("categories missing");
    const keys = (posts: { key: string }[]) => posts.map((post) => post.key);
    expect(keys(categoryPosts(site, nixos))).toEqual(keys([bobPost, adaPost]));
    expect(keys(categoryPosts(site, haskell))).toEqual(keys([adaPost]));
  });

  it("are listed in the sitemap with their newest post's date", () => {
    const entry = listPages(site).find(({ path }) => path === "categories/nixos/");
    expect(entry?.lastModified).toEqual(bobPost.published);
  });

  it("do not exist when no member has a category", () => {
    const plain = sampleSite({ members: [dee], posts: [deePost] });
    expect(categoryPages(plain)).toEqual([]);
    expect(listPages(plain).some(({ path }) => path.startsWith("categories/"))).toBe(false);
  });
});
