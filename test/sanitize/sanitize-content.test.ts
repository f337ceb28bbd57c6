import { parseFragment, serialize } from "parse5";
import { describe, expect, it } from "vitest";
import { CONTENT_BOUNDS, MAX_CONTENT_BYTES } from "../../src/sanitize/content-bounds.ts";
import { sanitizeBoundedContent, sanitizeContent } from "../../src/sanitize/sanitize-content.ts";
import { POST_URL, vectors } from "../fixtures/hostile/vectors.ts";
import { findUnsafeMarkup } from "./find-unsafe-markup.ts";

const MODES = ["iframe", "link"] as const;

/** Heading levels are the one rewrite that is meant to apply once: compare everything else. */
function ignoreHeadingLevels(html: string): string {
  return html.replace(/<(\/?)h[4-6]>/g, "<$1h6>");
}

/** What a browser would make of `html`, written back out. */
function reparse(html: string): string {
  return serialize(parseFragment(html));
}

describe("sanitizeContent on the hostile corpus", () => {
  it("has a corpus of at least 45 cases", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(45);
  });

  for (const vector of vectors) {
    describe(vector.name, () => {
      const base = vector.base ?? null;
      const output = sanitizeContent(vector.html, base);

      it("removes what must not survive and keeps what must", () => {
        for (const pattern of vector.mustNotContain) expect(output).not.toMatch(pattern);
        for (const pattern of vector.mustContain ?? []) expect(output).toMatch(pattern);
      });

      it.each(MODES)("leaves only allowlisted markup (embeds: %s)", (embeds) => {
        expect(findUnsafeMarkup(sanitizeContent(vector.html, base, { embeds }))).toEqual([]);
      });

      it.each(MODES)("is stable when a browser re-parses it (embeds: %s)", (embeds) => {
        const once = sanitizeContent(vector.html, base, { embeds });
        const again = sanitizeContent(reparse(once), base, { embeds });
        expect(ignoreHeadingLevels(again)).toBe(ignoreHeadingLevels(once));
        expect(ignoreHeadingLevels(sanitizeContent(once, base, { embeds }))).toBe(
          ignoreHeadingLevels(once),
        );
      });

      it("gives the same bytes every time", () => {
        expect(sanitizeContent(vector.html, base)).toBe(output);
      });
    });
  }

  it("reports an unsafe fragment, so the structural check is not vacuous", () => {
    const problems = findUnsafeMarkup(
      '<p class="x" onclick="a()"><a href="javascript:x">y</a><svg></svg><script></script></p>',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "<p> has event handler onclick",
        "<p> has attribute class",
        "<a href> is not an absolute http(s) URL: javascript:x",
        "foreign element <svg>",
        "element <script> is not allowlisted",
      ]),
    );
  });
});

describe("links", () => {
  it("replaces the feed's rel and drops target", () => {
    const html = '<a href="https://example.com/" rel="me author" target="_blank">x</a>';
    expect(sanitizeContent(html, null)).toBe(
      '<a href="https://example.com/" rel="nofollow ugc noopener">x</a>',
    );
  });

  it("keeps a title but unwraps a link without href", () => {
    expect(sanitizeContent('<a name="top">A <b>B</b></a>', POST_URL)).toBe("A <b>B</b>");
    expect(sanitizeContent('<a href="/x" title="T">x</a>', POST_URL)).toBe(
      '<a href="https://blog.example.org/x" title="T" rel="nofollow ugc noopener">x</a>',
    );
  });

  it("removes mailto links, and their text when it is an address", () => {
    const html =
      '<p>Mail <a href="mailto:bob@example.org">Bob</a>, <a href="mailto:bob@example.org"><b>bob@example.org</b></a>.</p>';
    expect(sanitizeContent(html, null)).toBe("<p>Mail Bob, .</p>");
  });

  it("removes a link left empty by a removed tracking pixel", () => {
    const html =
      '<p>Text</p><p><a href="https://example.com/"><img src="https://example.com/p.gif" width="1" height="1"></a></p>';
    expect(sanitizeContent(html, null)).toBe("<p>Text</p>");
  });

  it("keeps empty elements that may be meant", () => {
    const html = "<table><tbody><tr><td></td><td>x</td></tr></tbody></table><p> </p><hr>";
    expect(sanitizeContent(html, null)).toBe(
      "<table><tbody><tr><td></td><td>x</td></tr></tbody></table><p> </p><hr />",
    );
  });
});

describe("images", () => {
  it("are lazy, async and referrer-free, whatever the feed asked", () => {
    const html = '<img src="https://example.com/a.jpg" alt="" loading="eager" decoding="sync">';
    expect(sanitizeContent(html, null)).toBe(
      '<img src="https://example.com/a.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />',
    );
  });

  it("keep sane dimensions and drop others", () => {
    const html = '<img src="https://example.com/a.jpg" width="640" height="100%">';
    expect(sanitizeContent(html, null)).toBe(
      '<img src="https://example.com/a.jpg" width="640" loading="lazy" decoding="async" referrerpolicy="no-referrer" />',
    );
  });

  it("drop 1×1 pixels and known trackers but keep small real images", () => {
    const pixel = '<img src="https://example.com/p.gif" width="1px" height="0">';
    const blogger = '<img src="https://blogger.googleusercontent.com/tracker/1-2?l=x" alt="">';
    const icon = '<img src="https://example.com/icon.png" width="16" height="16">';
    expect(sanitizeContent(pixel + blogger, null)).toBe("");
    expect(sanitizeContent(icon, null)).toContain('src="https://example.com/icon.png"');
  });

  it("keep srcset URLs that contain commas", () => {
    const html =
      '<img src="https://res.example.com/w_100,h_50/a.jpg" srcset="https://res.example.com/w_200,h_100/a.jpg 2x">';
    expect(sanitizeContent(html, null)).toContain(
      'srcset="https://res.example.com/w_200,h_100/a.jpg 2x"',
    );
  });
});

describe("URL resolution", () => {
  const cases: [string, string | null, string | null][] = [
    ["post.html", "https://example.org/blog/", "https://example.org/blog/post.html"],
    ["/root", "https://example.org/blog/x", "https://example.org/root"],
    ["#note", "https://example.org/blog/x", "https://example.org/blog/x#note"],
    ["?page=2", "https://example.org/blog/x", "https://example.org/blog/x?page=2"],
    ["//cdn.example.org/a", "http://example.org/", "http://cdn.example.org/a"],
    ["https://other.example/a b", null, "https://other.example/a%20b"],
    ["HTTPS://Other.Example/a", "https://example.org/", "https://other.example/a"],
    ["post.html", null, null],
    ["//cdn.example.org/a", null, null],
    ["post.html", "not a url", null],
    ["http://[::1", "https://example.org/", null],
    ["", "https://example.org/", null],
  ];

  it.each(cases)("resolves %j against %j", (href, base, expected) => {
    const output = sanitizeContent(`<a href="${href}">x</a>`, base);
    if (expected === null) {
      expect(output).toBe("x");
    } else {
      expect(output).toBe(`<a href="${expected}" rel="nofollow ugc noopener">x</a>`);
    }
  });

  it("resolves every URL-carrying attribute", () => {
    const html =
      '<video src="v.mp4" poster="p.jpg"><source src="v.webm"></video><picture><source srcset="a.webp 1x, b.webp 2x"><img src="a.jpg"></picture>';
    const output = sanitizeContent(html, "https://example.org/post/");
    expect(output).toBe(
      '<video src="https://example.org/post/v.mp4" poster="https://example.org/post/p.jpg" controls><source src="https://example.org/post/v.webm" /></video>' +
        '<picture><source srcset="https://example.org/post/a.webp 1x, https://example.org/post/b.webp 2x" />' +
        '<img src="https://example.org/post/a.jpg" loading="lazy" decoding="async" referrerpolicy="no-referrer" /></picture>',
    );
  });

  it("removes a media player with nothing left to play", () => {
    expect(sanitizeContent('<video src="v.mp4"></video><audio src="a.ogg"></audio>', null)).toBe(
      "",
    );
  });
});

describe("embeds", () => {
  const sandboxed = (src: string, title: string) =>
    `<iframe src="${src}" sandbox="allow-scripts allow-same-origin allow-presentation" allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" loading="lazy" title="${title}"></iframe>`;
  const players: [string, string][] = [
    ["https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://www.youtube-nocookie.com/embed/abc-_1", "https://www.youtube.com/watch?v=abc-_1"],
    ["https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"],
    [
      "https://peertube.example/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
      "https://peertube.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    ],
  ];

  it.each(players)("keeps %s as a sandboxed player", (src) => {
    const html = `<iframe src="${src}" width="560" allowfullscreen title="Talk">Your browser…</iframe>`;
    expect(sanitizeContent(html, null)).toBe(sandboxed(src, "Talk"));
  });

  it.each(players)("turns %s into a link to %s in link mode", (src, watch) => {
    const html = `<iframe src="${src}" title="Talk"></iframe>`;
    expect(sanitizeContent(html, null, { embeds: "link" })).toBe(
      `<a href="${watch}" rel="nofollow ugc noopener">Talk</a>`,
    );
  });

  it("names an untitled player and links it by its URL", () => {
    const html = '<iframe src="//www.youtube.com/embed/x1"></iframe>';
    expect(sanitizeContent(html, "https://example.org/")).toBe(
      sandboxed("https://www.youtube.com/embed/x1", "Embedded video"),
    );
    expect(sanitizeContent(html, "https://example.org/", { embeds: "link" })).toBe(
      '<a href="https://www.youtube.com/watch?v=x1" rel="nofollow ugc noopener">https://www.youtube.com/watch?v=x1</a>',
    );
  });

  it.each([
    "http://www.youtube.com/embed/x1",
    "https://www.youtube.com/watch?v=x1",
    "https://youtube.com.evil.example/embed/x1",
    "https://evil.example/embed/x1",
    "https://user:pw@player.vimeo.com/video/1",
    "https://player.vimeo.com/video/1/../../../evil",
  ])("removes the iframe %s in both modes", (src) => {
    const html = `<iframe src="${src}">fallback</iframe>after`;
    for (const embeds of MODES) expect(sanitizeContent(html, null, { embeds })).toBe("after");
  });
});

describe("headings", () => {
  it("shift below the page's h1–h3", () => {
    const html = "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>";
    expect(sanitizeContent(html, null)).toBe(
      "<h4>1</h4><h5>2</h5><h6>3</h6><h6>4</h6><h6>5</h6><h6>6</h6>",
    );
  });
});

describe("sanitizeBoundedContent: bounds on one post", () => {
  const ORIGINAL = "https://blog.example.org/2017/03/huge-post.html";

  it("leaves an ordinary post as sanitizeContent makes it, not shortened", () => {
    const html = '<h2>Deploying with Disnix</h2><p>First <a href="/docs/">read the docs</a>.</p>';
    const result = sanitizeBoundedContent(html, ORIGINAL, { originalUrl: ORIGINAL });
    expect(result).toEqual({ html: sanitizeContent(html, ORIGINAL), shortened: false });
  });

  it("cuts a huge post before cleaning and ends it with a link to the original", () => {
    const html = `<p>${"All work and no play. ".repeat(400_000)}</p>`;
    const result = sanitizeBoundedContent(html, ORIGINAL, { originalUrl: ORIGINAL });
    expect(result.shortened).toBe(true);
    expect(result.html.length).toBeLessThanOrEqual(CONTENT_BOUNDS.maxLength + 200);
    expect(result.html.slice(-160)).toMatch(
      /(?:work|and|no|play\.|All) <\/p><p>… <a href="https:\/\/blog\.example\.org\/2017\/03\/huge-post\.html" rel="nofollow ugc noopener">Continue reading<\/a><\/p>$/,
    );
  });

  it("keeps a post whose links grow as they resolve under the byte bound", () => {
    const links = Array.from({ length: 60_000 }, (_, i) => `<a href="p/${i}">${i}</a>`).join(" ");
    const result = sanitizeBoundedContent(links, ORIGINAL, { originalUrl: ORIGINAL });
    expect(result.shortened).toBe(true);
    expect(Buffer.byteLength(result.html)).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    expect(result.html).toContain('<a href="https://blog.example.org/2017/03/p/0" rel=');
    expect(result.html).toContain(">Continue reading</a></p>");
  });

  it("flattens deep nesting into text and stays safe", () => {
    const html = `${"<div><b>".repeat(5_000)}<img src=x onerror=alert(1)>deep${"</b></div>".repeat(5_000)}`;
    const result = sanitizeBoundedContent(html, ORIGINAL, { originalUrl: ORIGINAL });
    expect(result.shortened).toBe(true);
    expect(result.html).toContain("deep");
    expect(result.html.match(/<div>/g)?.length).toBeLessThanOrEqual(CONTENT_BOUNDS.maxDepth);
    expect(findUnsafeMarkup(result.html)).toEqual([]);
  });

  it("ends a cut post without a page of its own with an ellipsis", () => {
    const html = "<p>word</p>".repeat(20_000);
    const result = sanitizeBoundedContent(html, null);
    expect(result.html.endsWith("<p>word</p><p>…</p>")).toBe(true);
  });
});
