import { describe, expect, it } from "vitest";
import type { FeedFilter } from "../../src/config/schema.ts";
import type { PlanetEvent } from "../../src/model/event.ts";
import type { Post } from "../../src/model/post.ts";
import { filterEvents, filterPosts } from "../../src/select/filter-posts.ts";
import { sampleEvent } from "../events/event-fixtures.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

/** A post of a personal blog with the given title, content and categories. */
function post(title: string, contentHtml: string, categories: string[] = []): Post {
  const slug = title.toLowerCase().replace(/\W+/g, "-");
  return {
    ...samplePost("https://carol.example.com/feed/", 1),
    sourceId: `https://carol.example.com/?p=${slug}`,
    link: `https://carol.example.com/${slug}/`,
    title,
    contentHtml,
    categories,
  };
}

const htmlOf = (post: Post) => post.contentHtml;

const titlesKept = (posts: Post[], filter: FeedFilter | null, hidden: string[] = []) =>
  filterPosts(posts, filter, new Set(hidden), htmlOf).kept.map((p) => p.title);

const blog = [
  post("Packaging my blog with Nix", "<p>A default.nix.</p>", ["Computers"]),
  post("Sourdough", '<p><a href="https://nix.example.org/">bread</a>, a unix timer, phoenix</p>'),
  post("Upgrading", "<p>Release notes.</p>", ["NixOS"]),
  post("Shells", "<p>Why <em>nix-shell</em> helps</p>", ["Computers"]),
  post("Draft: flakes", "<p>About nix.</p>", ["nixos"]),
];

describe("filterPosts", () => {
  it("keeps every post when there is no filter, and counts nothing dropped", () => {
    expect(filterPosts(blog, null, new Set(), htmlOf)).toEqual({ kept: blog, dropped: 0 });
  });

  it("keeps a post filed under a wanted category, whatever its case, as a whole label", () => {
    expect(titlesKept(blog, { categories: ["nixos"] })).toEqual(["Upgrading", "Draft: flakes"]);
    expect(titlesKept(blog, { categories: ["nix"] })).toEqual([]);
  });

  it("keeps a post whose title or text has a keyword as a whole word, not in markup", () => {
    // "Sourdough" has nix only in a link's URL, and inside "unix" and "phoenix".
    expect(titlesKept(blog, { keywords: ["NIX"] })).toEqual([
      "Packaging my blog with Nix",
      "Shells",
      "Draft: flakes",
    ]);
  });

  it("keeps a post matching either list, and drops an excluded word even when it matched", () => {
    expect(
      titlesKept(blog, { categories: ["NixOS"], keywords: ["nix"], exclude: ["draft"] }),
    ).toEqual(["Packaging my blog with Nix", "Upgrading", "Shells"]);
    expect(titlesKept(blog, { exclude: ["computers"] })).toEqual([
      "Sourdough",
      "Upgrading",
      "Draft: flakes",
    ]);
  });

  it("takes words as text, not as regular expressions", () => {
    const posts = [post("C++ tips", "<p>templates</p>"), post("C tips", "<p>pointers</p>")];
    expect(titlesKept(posts, { keywords: ["c++"] })).toEqual(["C++ tips"]);
    expect(titlesKept(posts, { keywords: ["c."] })).toEqual([]);
    expect(titlesKept(posts, { keywords: ["tips.*"] })).toEqual([]);
  });

  it("drops hidden posts by link or id and counts them with the filtered ones", () => {
    const hidden = ["https://carol.example.com/upgrading/", "https://carol.example.com/?p=shells"];
    const result = filterPosts(
      blog,
      { keywords: ["nix"], categories: ["nixos"] },
      new Set(hidden),
      htmlOf,
    );
    expect(result.kept.map((p) => p.title)).toEqual([
      "Packaging my blog with Nix",
      "Draft: flakes",
    ]);
    expect(result.dropped).toBe(3);
  });
});

describe("filterEvents", () => {
  it("drops an event hidden by its page's URL or its UID", () => {
    const events: PlanetEvent[] = [
      sampleEvent({ uid: "a@example.org", url: "https://meetup.example.com/e/1" }),
      sampleEvent({ uid: "b@example.org", url: null }),
      sampleEvent({ uid: "c@example.org", url: null }),
    ];
    const kept = filterEvents(events, new Set(["https://meetup.example.com/e/1", "b@example.org"]));
    expect(kept.map((event) => event.uid)).toEqual(["c@example.org"]);
  });
});
