import { describe, expect, it } from "vitest";
import { discoverFeedLinks } from "../../src/parse/discover-feeds.ts";

const PAGE = "https://blog.example.org/posts/";

describe("discoverFeedLinks", () => {
  it("finds RSS, Atom and JSON feeds a page advertises, resolved against the page", () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
      <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://blog.example.org/atom.xml">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" type="text/html" hreflang="de" href="/de/">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
    </head><body></body></html>`;
    expect(discoverFeedLinks(html, PAGE)).toEqual([
      "https://blog.example.org/feed.xml",
      "https://blog.example.org/atom.xml",
      "https://blog.example.org/posts/feed.json",
    ]);
  });

  it("honours <base href> and ignores non-http(s) links", () => {
    const html = `<head><base href="https://cdn.example.net/blog/">
      <link rel="alternate" type="application/rss+xml" href="rss">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head>`;
    expect(discoverFeedLinks(html, PAGE)).toEqual(["https://cdn.example.net/blog/rss"]);
  });

  it("finds nothing in a page without feed links", () => {
    expect(discoverFeedLinks("<p>hello</p>", PAGE)).toEqual([]);
  });
});
