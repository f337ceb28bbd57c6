import { describe, expect, it } from "vitest";
import { type ListedPost, listPost } from "../../src/model/post.ts";
import { type ArchiveLayout, layOutArchive } from "../../src/select/archive-pages.ts";
import { comparePosts } from "../../src/select/select-posts.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

const ZONE = "Europe/Berlin";

/** Post number `n`, published `n` hours after the start of 2017 (UTC). */
function post(n: number, key = `p${String(n).padStart(4, "0")}`): ListedPost {
  return listPost({
    ...samplePost("https://feeds.example.org/a", n),
    key,
    published: new Date(Date.UTC(2017, 0, 1, n)),
  });
}

/** Posts numbered `from` to `to`, newest first as the site holds them. */
function range(from: number, to: number): ListedPost[] {
  return Array.from({ length: to - from + 1 }, (_, i) => post(from + i)).sort(comparePosts);
}

const keysBySlug = (layout: ArchiveLayout) =>
  Object.fromEntries(layout.pages.map((page) => [page.slug, page.posts.map((p) => p.key)]));

/** The next build's layout: the same posts plus `added`, from this layout's boundaries. */
function next(layout: ArchiveLayout, posts: ListedPost[], perPage: number): ArchiveLayout {
  return layOutArchive([...posts].sort(comparePosts), layout.boundaries, perPage, ZONE);
}

describe("layOutArchive", () => {
  it("lays out a first build perPage posts at a time from the oldest, each page newest first", () => {
    const layout = layOutArchive(range(0, 9), [], 4, ZONE);
    expect(layout.pages.map((page) => page.posts.map((p) => p.key))).toEqual([
      ["p0003", "p0002", "p0001", "p0000"],
      ["p0007", "p0006", "p0005", "p0004"],
      ["p0009", "p0008"],
    ]);
    // Slugs are the day each page begins in the planet's zone, numbered when a day repeats.
    expect(layout.pages.map((page) => page.slug)).toEqual([
      "2017-01-01",
      "2017-01-01-2",
      "2017-01-01-3",
    ]);
    expect(layout.pages[0]).toMatchObject({ firstDay: "2017-01-01", lastDay: "2017-01-01" });
  });

  it("puts a new post on the open page and leaves every sealed page as it was", () => {
    const first = layOutArchive(range(0, 9), [], 4, ZONE);
    const second = next(first, range(0, 10), 4);
    const before = keysBySlug(first);
    const after = keysBySlug(second);
    expect(after["2017-01-01"]).toEqual(before["2017-01-01"]);
    expect(after["2017-01-01-2"]).toEqual(before["2017-01-01-2"]);
    expect(after["2017-01-01-3"]).toEqual(["p0010", "p0009", "p0008"]);
  });

  it("seals a full open page and opens the next one at the first post that overflows it", () => {
    const first = layOutArchive(range(0, 7), [], 4, ZONE);
    const second = next(first, range(0, 8), 4);
    expect(second.pages.map((page) => page.posts.length)).toEqual([4, 4, 1]);
    expect(second.pages[2]?.posts[0]?.key).toBe("p0008");
    expect(second.boundaries.slice(0, 2)).toEqual(first.boundaries);
  });

  it("files a late arrival on the sealed page whose period it belongs to", () => {
    const first = layOutArchive(range(10, 29), [], 5, ZONE);
    const late = post(12, "p0012-late");
    const second = next(first, [...range(10, 29), late], 5);
    const before = keysBySlug(first);
    const after = keysBySlug(second);
    const [oldest, ...others] = first.pages.map((page) => page.slug);
    expect(after[oldest as string]).toContain("p0012-late");
    expect(after[oldest as string]).toHaveLength(6);
    for (const slug of others) expect(after[slug]).toEqual(before[slug]);
  });

  it("files a post older than every page on the oldest page", () => {
    const first = layOutArchive(range(10, 19), [], 5, ZONE);
    const second = next(first, [...range(10, 19), post(1)], 5);
    expect(second.pages[0]?.slug).toBe(first.pages[0]?.slug);
    expect(second.pages[0]?.posts.at(-1)?.key).toBe("p0001");
  });

  it("splits a sealed page that late arrivals grew past twice perPage, keeping its slug", () => {
    const first = layOutArchive(range(0, 7), [], 4, ZONE);
    // A new member brings five old posts, all inside the first page's period.
    const history = [0, 1, 2, 3, 4].map((n) => ({
      ...post(n, `p000${n}-old`),
      published: new Date(Date.UTC(2017, 0, 1, 0, 10 * (n + 1))),
    }));
    const second = next(first, [...range(0, 7), ...history], 4);
    expect(second.pages.map((page) => page.posts.length)).toEqual([4, 5, 4]);
    expect(second.pages[0]?.slug).toBe(first.pages[0]?.slug);
    expect(keysBySlug(second)[first.pages[1]?.slug as string]).toEqual(
      keysBySlug(first)[first.pages[1]?.slug as string],
    );
    expect(new Set(second.pages.map((page) => page.slug)).size).toBe(3);
  });

  it("drops a page whose posts all left the cache, and keeps the others' slugs", () => {
    const first = layOutArchive(range(0, 11), [], 4, ZONE);
    const second = next(first, [...range(0, 3), ...range(8, 11)], 4);
    expect(second.pages.map((page) => page.slug)).toEqual([
      first.pages[0]?.slug,
      first.pages[2]?.slug,
    ]);
    expect(second.boundaries).toHaveLength(2);
  });

  it("gives the same pages from lost boundaries when no post arrived late", () => {
    let layout = layOutArchive(range(0, 2), [], 4, ZONE);
    for (let last = 3; last <= 13; last++) layout = next(layout, range(0, last), 4);
    expect(layOutArchive(range(0, 13), [], 4, ZONE)).toEqual(layout);
  });

  it("dates pages by the planet's time zone", () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    const late = { ...post(0), published: new Date("2016-12-31T23:30:00Z") };
    const layout = layOutArchive([late], [], 4, ZONE);
    expect(layout.pages[0]).toMatchObject({ slug: "2017-01-01", firstDay: "2017-01-01" });
  });

  it("has no page for no posts", () => {
    expect(layOutArchive([], [], 4, ZONE)).toEqual({ pages: [], boundaries: [] });
  });
});
