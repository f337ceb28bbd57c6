import { describe, expect, it } from "vitest";
import {
  assignSlugs,
  findMember,
  memberHref,
  memberPages,
  memberPosts,
  slugify,
} from "../../src/site/member-pages.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { sampleMember, sampleSite } from "../helpers/sample-site.ts";

describe("slugify", () => {
  it("keeps lowercase ASCII letters and digits, drops accents, hyphenates the rest", () => {
    expect(slugify("Edward Tjörnhammar")).toBe("edward-tjornhammar");
    expect(slugify("  Sander van der Burg ")).toBe("sander-van-der-burg");
    expect(slugify("C++ & Nix: 2017!")).toBe("c-nix-2017");
    expect(slugify("Ærøskøbing Straße Łódź")).toBe("aeroskobing-strasse-lodz");
  });

  it("gives a name with no usable letter a generic slug", () => {
    expect(slugify("山田太郎")).toBe("member");
    expect(slugify("!!!")).toBe("member");
  });
});

describe("assignSlugs", () => {
  it("makes clashing slugs unique in config order, leaving the first one as it was", () => {
    expect(assignSlugs(["Ada", "ada", "Ada!", "Bob", "ada-2"])).toEqual([
      "ada",
      "ada-2",
      "ada-3",
      "bob",
      "ada-2-2",
    ]);
  });
});

describe("member pages", () => {
  const ada = sampleMember("Ada");
  const bob = sampleMember("Bob");
  const adaPost = samplePost(ada.feedUrl, 1);
  const bobPost = samplePost(bob.feedUrl, 2);
  const event = samplePost("https://meetup.example/events.rss", 3);
  const site = sampleSite({
    members: [ada, bob],
    posts: [bobPost, adaPost, event],
    config: { link: "https://example.org/planet/" },
  });

  it("lists every member with a slug and links under the planet's base path", () => {
    expect(memberPages(site).map(({ member, slug }) => [member.name, slug])).toEqual([
      ["Ada", "ada"],
      ["Bob", "bob"],
    ]);
    expect(memberHref(site, "ada")).toBe("/planet/members/ada/");
  });

  it("finds a post's member by feed and a member's posts in order", () => {
    const [bobListed, adaListed, eventListed] = site.posts;
    if (!bobListed || !adaListed || !eventListed) throw new Error("three posts expected");
    expect(findMember(site, adaListed)).toBe(ada);
    expect(findMember(site, eventListed)).toBeNull();
    expect(memberPosts(site, bob)).toEqual([bobListed]);
    expect(bobListed.key).toBe(bobPost.key);
  });
});
