import { describe, expect, it } from "vitest";
import { type ListedPost, listPost, type Post } from "../../src/model/post.ts";
import { comparePosts, paginate, selectPosts } from "../../src/select/select-posts.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

const NOW = new Date("2017-04-01T10:00:00Z");

/** A post with only what ordering and deduplication read; dates as ISO strings or null. */
function post(
  key: string,
  dates: { published?: string | null; updated?: string | null; firstSeen?: string },
  fields: Partial<Post> = {},
): ListedPost {
  const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return listPost({
    ...samplePost("https://feeds.example.org/a", 1),
    key,
    sourceId: `id-${key}`,
    link: `https://a.example.org/${key}`,
    published: date(dates.published),
    updated: date(dates.updated),
    firstSeen: new Date(dates.firstSeen ?? "2017-01-01T00:00:00Z"),
    ...fields,
  });
}

const keys = (posts: readonly ListedPost[]) => posts.map((p) => p.key);

/** Every ordering of `items` obtained by rotating and reversing it. */
function shuffles<T>(items: readonly T[]): T[][] {
  const rotations = items.map((_, i) => [...items.slice(i), ...items.slice(0, i)]);
  return [...rotations, ...rotations.map((r) => [...r].reverse())];
}

describe("selectPosts", () => {
  it("with keepMonths, leaves out posts dated more than that many months before now", () => {
    const posts = [
      post("recent", { published: "2017-01-02T00:00:00Z" }),
      post("edge", { published: "2017-01-01T10:00:00Z" }),
      post("old", { published: "2016-12-31T23:59:59Z" }),
    ];
    // Three months before 2017-04-01T10:00Z is 2017-01-01T10:00Z.
    expect(keys(selectPosts(posts, NOW, 3))).toEqual(["recent", "edge"]);
    expect(keys(selectPosts(posts, NOW))).toEqual(["recent", "edge", "old"]);
  });

  it("holds back posts dated after now, and shows one dated exactly now", () => {
    const posts = [
      post("future", { published: "2017-04-01T10:00:01Z" }),
      post("now", { published: "2017-04-01T10:00:00Z" }),
      post("future-update", { published: null, updated: "2017-05-01T00:00:00Z" }),
    ];
    expect(keys(selectPosts(posts, NOW))).toEqual(["now"]);
  });

  it("orders by published, else updated, newest first", () => {
    const posts = [
      post("a", { published: "2017-03-01T00:00:00Z", updated: "2017-03-30T00:00:00Z" }),
      post("b", { published: null, updated: "2017-03-15T00:00:00Z" }),
      post("c", { published: "2017-03-20T00:00:00Z" }),
    ];
    expect(keys(selectPosts(posts, NOW))).toEqual(["c", "b", "a"]);
  });

  it("breaks ties on the key, so any input order gives the same output", () => {
    const same = "2017-03-01T00:00:00Z";
    const posts = [
      post("k3", { published: same }),
      post("k1", { published: same }),
      post("k2", { published: same }),
      post("k0", { published: "2017-03-02T00:00:00Z" }),
    ];
    for (const order of shuffles(posts)) {
      expect(keys(selectPosts(order, NOW))).toEqual(["k0", "k1", "k2", "k3"]);
    }
  });

  it("orders undated posts by when they were first seen, so they never jump to the top", () => {
    const posts = [
      post("dated", { published: "2017-03-20T00:00:00Z" }),
      post("undated-old", { firstSeen: "2017-02-01T00:00:00Z" }),
      post("undated-new", { firstSeen: "2017-03-25T00:00:00Z" }),
    ];
    expect(keys(selectPosts(posts, NOW))).toEqual(["undated-new", "dated", "undated-old"]);
  });

  it("shows an entry carried by two feeds once, matched by id or by link", () => {
    const date = { published: "2017-03-01T00:00:00Z" };
    const posts = [
      post("a1", date, { sourceId: "shared-id", feedUrl: "https://a.example/feed" }),
      post("b1", date, { sourceId: "shared-id", feedUrl: "https://b.example/feed" }),
      post("a2", date, { link: "https://shared.example/post" }),
      post("c2", date, { link: "https://shared.example/post", feedUrl: "https://c.example/feed" }),
      post("nolink1", date, { link: null }),
      post("nolink2", date, { link: null }),
    ];
    for (const order of shuffles(posts)) {
      expect(keys(selectPosts(order, NOW))).toEqual(["a1", "a2", "nolink1", "nolink2"]);
    }
  });

  it("keeps two entries of one feed that link the same page (holidays of one calendar)", () => {
    const date = { published: "2017-03-01T00:00:00Z" };
    const page = { link: "https://www.google.com/calendar/holidays/de" };
    const posts = [post("easter", date, page), post("whit", date, page)];
    expect(keys(selectPosts(posts, NOW))).toEqual(["easter", "whit"]);
  });

  it("keeps the newest copy of a duplicate", () => {
    const posts = [
      post("z-old", { published: "2017-03-01T00:00:00Z" }, { sourceId: "same" }),
      post("a-new", { published: "2017-03-02T00:00:00Z" }, { sourceId: "same" }),
    ];
    expect(keys(selectPosts(posts, NOW))).toEqual(["a-new"]);
  });

  it("does not change its input", () => {
    const posts = [
      post("a", { published: "2017-01-01T00:00:00Z" }),
      post("b", { published: "2017-02-01T00:00:00Z" }),
    ];
    selectPosts(posts, NOW);
    expect(keys(posts)).toEqual(["a", "b"]);
  });
});

describe("comparePosts", () => {
  it("is zero only for the same key at the same instant", () => {
    const a = post("a", { published: "2017-01-01T00:00:00Z" });
    expect(comparePosts(a, { ...a })).toBe(0);
    expect(comparePosts(a, post("b", { published: "2017-01-01T00:00:00Z" }))).toBeLessThan(0);
  });
});

describe("paginate", () => {
  it("splits into pages of the given size, the last one shorter", () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("always returns at least one page", () => {
    expect(paginate([], 10)).toEqual([[]]);
  });
});
