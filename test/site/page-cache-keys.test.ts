import { describe, expect, it } from "vitest";
import type { Post } from "../../src/model/post.ts";
import type { Site } from "../../src/model/site.ts";
import { pageCacheKey } from "../../src/site/page-cache-keys.ts";
import { sampleEvent } from "../events/event-fixtures.ts";
import { ADA, adaPost, listPosts, sampleSite } from "../helpers/sample-site.ts";

// Every case builds its site afresh: keys must follow the content, not object identity.
const posts = (): Post[] => [adaPost(1), adaPost(2)];
const site = (changes: Partial<Site> = {}): Site => ({
  ...sampleSite({ posts: posts() }),
  ...changes,
});
const keyOf = (s: Site) => pageCacheKey(s, s.posts, { upcomingEvents: true });

describe("pageCacheKey", () => {
  it("is the same for the same content in new objects", () => {
    expect(keyOf(site())).toBe(keyOf(site()));
  });

  it("changes with any field of a post the page shows", () => {
    const base = keyOf(site());
    const [first, second] = posts();
    if (!first || !second) throw new Error("two sample posts expected");
    const edits: Partial<Post>[] = [
      { contentHtml: `${first.contentHtml} ` },
      { title: "Edited" },
      { updated: new Date("2030-01-01T00:00:00Z") },
      { author: "Someone else" },
      { categories: ["new"] },
    ];
    for (const edit of edits) {
      expect(
        keyOf(site({ posts: listPosts([{ ...first, ...edit }, second]) })),
        JSON.stringify(edit),
      ).not.toBe(base);
    }
  });

  it("changes with the config, the members and the upcoming events, shown on every page", () => {
    const base = keyOf(site());
    const plain = site();
    expect(keyOf(site({ config: { ...plain.config, title: "Renamed" } }))).not.toBe(base);
    expect(keyOf(site({ members: [{ ...ADA, face: "face.png" }] }))).not.toBe(base);
    const soon = sampleEvent({ start: new Date("2025-03-10T18:00:00Z"), end: null });
    expect(keyOf(site({ events: [soon] }))).not.toBe(base);
  });

  it("leaves out past events, which no stream, member or category page shows", () => {
    const past = sampleEvent({ start: new Date("2020-03-10T18:00:00Z"), end: null });
    expect(keyOf(site({ events: [past] }))).toBe(keyOf(site()));
  });

  it("changes with what the page adds, such as an archive page's neighbours", () => {
    const s = site();
    const shows = (details: unknown) => ({ upcomingEvents: false, details });
    expect(pageCacheKey(s, s.posts, shows(["a", "b"]))).not.toBe(
      pageCacheKey(s, s.posts, shows(["a", "c"])),
    );
  });

  it("leaves out the upcoming events for a page that does not list them", () => {
    const soon = sampleEvent({ start: new Date("2025-03-10T18:00:00Z"), end: null });
    const withoutEvents = (s: Site) => pageCacheKey(s, s.posts, { upcomingEvents: false });
    expect(withoutEvents(site({ events: [soon] }))).toBe(withoutEvents(site()));
    const plain = site();
    expect(withoutEvents(site({ config: { ...plain.config, title: "Renamed" } }))).not.toBe(
      withoutEvents(plain),
    );
  });
});
