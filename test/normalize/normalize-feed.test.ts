import { describe, expect, it } from "vitest";
import type { ParsedEntry, ParsedFeed } from "../../src/model/parsed-feed.ts";
import {
  LABELS_PER_POST,
  type NormalizeContext,
  normalizeFeed,
} from "../../src/normalize/normalize-feed.ts";
import { parseFeed } from "../../src/parse/parse-feed.ts";
import { TEXT_LIMITS } from "../../src/text/limit-text.ts";
import { parseFixture } from "../parse/fixture.ts";

const FEED_URL = "https://feeds.example.org/alice/atom.xml";
const NOW = new Date("2017-04-01T10:00:00Z");

function entry(fields: Partial<ParsedEntry> = {}): ParsedEntry {
  return {
    id: "tag:alice.example.org,2017:post-1",
    title: "A post",
    link: "https://alice.example.org/2017/post-1.html",
    base: null,
    contentBase: null,
    published: new Date("2017-03-14T22:02:00Z"),
    updated: null,
    author: null,
    contentHtml: '<p><a href="docs/manual.html">manual</a></p>',
    categories: [],
    ...fields,
  };
}

function feed(entries: ParsedEntry[], fields: Partial<ParsedFeed> = {}): ParsedFeed {
  return {
    format: "atom",
    title: "Alice",
    link: null,
    base: null,
    entries,
    omittedEntries: 0,
    ...fields,
  };
}

function context(fields: Partial<NormalizeContext> = {}): NormalizeContext {
  return {
    feed: { name: "Alice", url: FEED_URL },
    fetchedUrl: FEED_URL,
    firstSeen: {},
    now: NOW,
    ...fields,
  };
}

/** The href of the first link in the post's sanitized content. */
function firstHref(parsed: ParsedFeed, ctx = context()): string | undefined {
  const html = normalizeFeed(parsed, ctx).posts[0]?.contentHtml ?? "";
  return /<a href="([^"]*)"/.exec(html)?.[1];
}

describe("relative URLs in content", () => {
  it("resolve against the content's xml:base first", () => {
    const parsed = feed([entry({ contentBase: "https://cdn.example.net/alice/" })], {
      link: "https://alice.example.org/",
    });
    expect(firstHref(parsed)).toBe("https://cdn.example.net/alice/docs/manual.html");
  });

  it("resolve a relative xml:base against the ones outside it", () => {
    const parsed = feed([entry({ contentBase: "notes/", base: "/blog/" })], {
      base: "https://alice.example.org/site/",
    });
    expect(firstHref(parsed)).toBe("https://alice.example.org/blog/notes/docs/manual.html");
  });

  it("resolve a relative feed xml:base against the fetched URL", () => {
    const parsed = feed([entry({ link: null })], { base: "/alice/" });
    expect(firstHref(parsed)).toBe("https://feeds.example.org/alice/docs/manual.html");
  });

  it("resolve against the entry's own link when no xml:base is in scope", () => {
    const parsed = feed([entry({ link: "https://alice.example.org/2017/03/post.html" })], {
      link: "https://alice.example.org/",
    });
    expect(firstHref(parsed)).toBe("https://alice.example.org/2017/03/docs/manual.html");
  });

  it("resolve against the feed's site link when the entry has no link", () => {
    const parsed = feed([entry({ link: null })], { link: "https://alice.example.org/blog/" });
    expect(firstHref(parsed)).toBe("https://alice.example.org/blog/docs/manual.html");
  });

  it("resolve against the feed URL (after redirects) when nothing else is known", () => {
    const parsed = feed([entry({ link: null })]);
    expect(
      firstHref(parsed, context({ fetchedUrl: "https://moved.example.org/feeds/a.xml" })),
    ).toBe("https://moved.example.org/feeds/docs/manual.html");
  });
});

describe("relative URLs inside encoded content", () => {
  const OLD_FEED = "https://oldblog.example.org/atom.xml";
  const posts = normalizeFeed(
    parseFixture("blogger-atom03.xml"),
    context({ feed: { name: "Old blog", url: OLD_FEED }, fetchedUrl: OLD_FEED }),
  ).posts;
  const hrefs = (html: string | undefined) =>
    [...(html ?? "").matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]);

  it("resolve in base64 content against the entry's xml:base", () => {
    expect(hrefs(posts[0]?.contentHtml)).toEqual([
      "https://oldblog.example.org/2004/05/nix.html",
      "https://oldblog.example.org/2004/05/images/nix-logo.png",
    ]);
  });

  it("resolve in naked markup against the entry's page, and in escaped content against its xml:base", () => {
    expect(hrefs(posts[1]?.contentHtml)).toEqual([
      "https://oldblog.example.org/2004/05/notes.html",
    ]);
    expect(hrefs(posts[2]?.contentHtml)).toEqual(["https://static.example.org/archive.html"]);
  });

  it("resolve in an escaped RSS description against the document URL when nothing else is given", () => {
    const rss = `<rss version="2.0"><channel><title>T</title><item><guid isPermaLink="false">1</guid><description>&lt;a href="posts/1.html"&gt;one&lt;/a&gt;</description></item></channel></rss>`;
    const outcome = parseFeed(rss);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(firstHref(outcome.feed)).toBe("https://feeds.example.org/alice/posts/1.html");
  });
});

describe("links", () => {
  it("resolve a relative entry link against the entry's xml:base, then the feed URL", () => {
    const [withBase, withoutBase] = normalizeFeed(
      feed([
        entry({ id: "1", link: "2017/a.html", base: "https://alice.example.org/blog/" }),
        entry({ id: "2", link: "/2017/b.html" }),
      ]),
      context(),
    ).posts;
    expect(withBase?.link).toBe("https://alice.example.org/blog/2017/a.html");
    expect(withoutBase?.link).toBe("https://feeds.example.org/2017/b.html");
  });

  it("drop entry and site links that are not http(s)", () => {
    const result = normalizeFeed(
      feed(
        [
          entry({ id: "1", link: "javascript:alert(1)" }),
          entry({ id: "2", link: "mailto:alice@example.org" }),
          entry({ id: "3", link: "data:text/html,<script>alert(1)</script>" }),
        ],
        { link: "ftp://alice.example.org/" },
      ),
      context(),
    );
    expect(result.posts.map((post) => post.link)).toEqual([null, null, null]);
    expect(result.memberLink).toBeNull();
  });

  it("take the member link from the config before the feed's own", () => {
    const parsed = feed([entry()], { link: "https://alice.example.org/" });
    expect(normalizeFeed(parsed, context()).memberLink).toBe("https://alice.example.org/");
    const configured = context({
      feed: { name: "Alice", url: FEED_URL, link: "https://alice.example.com/" },
    });
    const result = normalizeFeed(parsed, configured);
    expect(result.memberLink).toBe("https://alice.example.com/");
    expect(result.posts[0]?.memberLink).toBe("https://alice.example.com/");
  });
});

describe("titles", () => {
  it("give an untitled entry the start of its text", () => {
    const [short, none, empty] = normalizeFeed(
      feed([
        entry({ id: "1", title: null, contentHtml: "<p>Just <b>a</b> note.</p>" }),
        entry({ id: "2", title: "   ", contentHtml: "" }),
        entry({ id: "3", title: null, contentHtml: "<img src='x.png'>" }),
      ]),
      context(),
    ).posts;
    expect(short?.title).toBe("Just a note.");
    expect(none?.title).toBe("(untitled)");
    expect(empty?.title).toBe("(untitled)");
  });

  it("cut a long text at a word boundary and mark the cut", () => {
    const words = "Nix makes deployments reproducible across many machines ".repeat(4);
    const [post] = normalizeFeed(
      feed([entry({ title: null, contentHtml: `<p>${words}</p>` })]),
      context(),
    ).posts;
    const title = post?.title ?? "";
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(81);
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
    expect(words[title.length - 1]).toBe(" ");
  });
});

describe("first-seen times", () => {
  it("keep the time an entry was first seen and give new entries `now`", () => {
    const result = normalizeFeed(
      feed([entry({ id: "old" }), entry({ id: "new" })]),
      context({ firstSeen: { old: "2016-01-02T03:04:05.000Z" } }),
    );
    expect(result.posts.map((post) => post.firstSeen.toISOString())).toEqual([
      "2016-01-02T03:04:05.000Z",
      NOW.toISOString(),
    ]);
    expect(result.firstSeen).toEqual({ old: "2016-01-02T03:04:05.000Z", new: NOW.toISOString() });
  });

  it("forget entries that left the feed and ignore an unreadable stored time", () => {
    const result = normalizeFeed(
      feed([entry({ id: "kept" })]),
      context({ firstSeen: { kept: "garbage", gone: "2016-01-02T03:04:05.000Z" } }),
    );
    expect(result.firstSeen).toEqual({ kept: NOW.toISOString() });
  });

  it("never invent a published date", () => {
    const [post] = normalizeFeed(
      feed([entry({ published: null, updated: null })]),
      context(),
    ).posts;
    expect(post?.published).toBeNull();
    expect(post?.updated).toBeNull();
  });
});

describe("identity", () => {
  it("gives the same entry the same key on every run, distinct per feed", () => {
    const once = normalizeFeed(feed([entry()]), context()).posts[0];
    const again = normalizeFeed(
      feed([entry({ title: "Edited title" })]),
      context({ now: new Date("2018-01-01T00:00:00Z") }),
    ).posts[0];
    const otherFeed = normalizeFeed(
      feed([entry()]),
      context({ feed: { name: "Bob", url: "https://bob.example.net/rss" } }),
    ).posts[0];
    expect(once?.key).toMatch(/^[0-9a-f]{24}$/);
    expect(again?.key).toBe(once?.key);
    expect(otherFeed?.key).not.toBe(once?.key);
  });

  it("falls back to the link, then to a fingerprint, for entries without an id", () => {
    const byLink = entry({ id: null, link: "https://alice.example.org/p.html" });
    const bare = entry({ id: "  ", link: null, title: "Bare" });
    const first = normalizeFeed(feed([byLink, bare]), context()).posts;
    const second = normalizeFeed(feed([byLink, bare]), context()).posts;
    expect(first[0]?.sourceId).toBe("https://alice.example.org/p.html");
    expect(first[1]?.sourceId).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
    expect(second.map((post) => post.key)).toEqual(first.map((post) => post.key));
  });

  it("keeps an id repeated within a feed once (the first)", () => {
    const result = normalizeFeed(
      feed([entry({ id: "dup", title: "First" }), entry({ id: "dup", title: "Second" })]),
      context(),
    );
    expect(result.posts.map((post) => post.title)).toEqual(["First"]);
  });
});

describe("authors", () => {
  it("are names only, never e-mail addresses, from parse to post", () => {
    const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Blog</title><link>https://blog.example.org/</link>
<item><title>One</title><guid>1</guid><author>alice@example.org (Alice Example)</author></item>
<item><title>Two</title><guid>2</guid><author>bob@example.org</author></item>
<item><title>Three</title><guid>3</guid><author>  Carol  </author></item>
</channel></rss>`;
    const parsed = parseFeed(rss);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const posts = normalizeFeed(parsed.feed, context()).posts;
    expect(posts.map((post) => post.author)).toEqual(["Alice Example", null, "Carol"]);
    expect(JSON.stringify(posts)).not.toContain("@example.org");
  });
});

describe("ids that are names of object properties", () => {
  it("are ids like any other", () => {
    const ids = ["constructor", "toString", "__proto__", "hasOwnProperty"];
    const result = normalizeFeed(
      feed(ids.map((id) => entry({ id, link: null }))),
      context({ firstSeen: JSON.parse('{"__proto__": "2016-01-02T03:04:05.000Z"}') }),
    );
    expect(result.posts.map((post) => post.sourceId)).toEqual(ids);
    expect(Object.entries(result.firstSeen)).toEqual([
      ["constructor", NOW.toISOString()],
      ["toString", NOW.toISOString()],
      ["__proto__", "2016-01-02T03:04:05.000Z"],
      ["hasOwnProperty", NOW.toISOString()],
    ]);
  });
});

describe("content bounds", () => {
  it("cut a huge post with a link to its own page, count it, and leave the others whole", () => {
    const huge = `<p>${"Nix all the things. ".repeat(20_000)}</p>`;
    const normalized = normalizeFeed(
      feed([entry({ id: "huge", contentHtml: huge }), entry({ id: "small" })]),
      context(),
    );
    const [cut, whole] = normalized.posts;
    expect(normalized.shortenedPosts).toBe(1);
    expect(cut?.contentHtml.length).toBeLessThan(huge.length / 3);
    expect(cut?.contentHtml).toContain(
      '<a href="https://alice.example.org/2017/post-1.html" rel="nofollow ugc noopener">Continue reading</a>',
    );
    expect(whole?.contentHtml).toBe(
      '<p><a href="https://alice.example.org/2017/docs/manual.html" rel="nofollow ugc noopener">manual</a></p>',
    );
  });
});

describe("text bounds", () => {
  it("cut a huge title, author name and category label with an ellipsis, and count the post", () => {
    const normalized = normalizeFeed(
      feed([
        entry({
          title: "Title ".repeat(200_000),
          author: "A".repeat(1_000_000),
          categories: ["nixos", "label".repeat(100)],
        }),
      ]),
      context(),
    );
    const [post] = normalized.posts;
    expect(post?.title.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
    expect(post?.title).toMatch(/^Title Title .*Title…$/);
    expect(post?.author).toBe(`${"A".repeat(TEXT_LIMITS.name - 1)}…`);
    expect(post?.categories[0]).toBe("nixos");
    expect(post?.categories[1]?.length).toBe(TEXT_LIMITS.label);
    expect(normalized.shortenedPosts).toBe(1);
  });

  it(`keep the first ${LABELS_PER_POST} category labels of a post`, () => {
    const labels = Array.from({ length: 10_000 }, (_, i) => `tag${i}`);
    const normalized = normalizeFeed(feed([entry({ categories: labels })]), context());
    expect(normalized.posts[0]?.categories).toEqual(labels.slice(0, LABELS_PER_POST));
    expect(normalized.shortenedPosts).toBe(1);
  });

  it("cut the feed's own title too, and leave ordinary fields alone", () => {
    const long = normalizeFeed(feed([entry()], { title: "Blog ".repeat(1_000) }), context());
    expect(long.title?.length).toBeLessThanOrEqual(TEXT_LIMITS.title);
    const ordinary = normalizeFeed(feed([entry({ author: "Alice" })]), context());
    expect([ordinary.title, ordinary.posts[0]?.title, ordinary.posts[0]?.author]).toEqual([
      "Alice",
      "A post",
      "Alice",
    ]);
    expect(ordinary.shortenedPosts).toBe(0);
  });
});
