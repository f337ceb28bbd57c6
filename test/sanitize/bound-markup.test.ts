import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { boundMarkup } from "../../src/sanitize/bound-markup.ts";

const roomy = { maxLength: 10_000, maxDepth: 60 };

/** The deepest nesting htmlparser2 (the parser of every later pass) builds from `html`. */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag: () => {
      depth++;
      deepest = Math.max(deepest, depth);
    },
    onclosetag: () => {
      depth--;
    },
  });
  parser.end(html);
  return deepest;
}

/** Only the text, tags removed, for "the text is kept" checks. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, "");

describe("boundMarkup", () => {
  it("gives markup within the bounds back as the same string", () => {
    const html = '<p>A <a href="x">link</a><br><img src="y.png"></p><ul><li>one<li>two</ul>';
    const bounded = boundMarkup(html, roomy);
    expect(bounded).toEqual({ html, cut: false, flattened: false });
    expect(bounded.html).toBe(html);
  });

  it("counts unclosed list items and paragraphs as one level each, as the parser does", () => {
    const items = "<li>item".repeat(200);
    const paragraphs = "<p>para".repeat(200);
    const html = `<ul>${items}</ul>${paragraphs}<svg>${"<path/>".repeat(200)}</svg>`;
    expect(boundMarkup(html, { maxLength: 10_000, maxDepth: 3 }).flattened).toBe(false);
  });

  it("flattens elements past the depth bound, keeping their text and the outer levels", () => {
    const html = `<div>${"<div><em>".repeat(50)}deep text${"</em></div>".repeat(50)}</div><p>after</p>`;
    const bounded = boundMarkup(html, { maxLength: 10_000, maxDepth: 10 });
    expect(bounded.flattened).toBe(true);
    expect(depthOf(bounded.html)).toBe(10);
    expect(textOf(bounded.html)).toBe("deep textafter");
    expect(bounded.html.endsWith("</div><p>after</p>")).toBe(true);
  });

  it("cuts before the first tag past the length bound and closes what is open", () => {
    const html = `<p>one <b>two</b></p><blockquote><p>three four</p><p>${"x".repeat(100)}</p></blockquote>`;
    const bounded = boundMarkup(html, { maxLength: 50, maxDepth: 60 });
    expect(bounded).toEqual({
      html: "<p>one <b>two</b></p><blockquote><p>three four</p></blockquote>",
      cut: true,
      flattened: false,
    });
  });

  it("cuts a long text between words, never inside a tag or an entity", () => {
    const html = `<p>${"word ".repeat(30)}&amp;<a href="https://example.org/a-long-address">x</a></p>`;
    for (let maxLength = 20; maxLength < html.length; maxLength += 7) {
      const { html: out, cut } = boundMarkup(html, { maxLength, maxDepth: 60 });
      expect(cut).toBe(true);
      expect(out.length).toBeLessThanOrEqual(maxLength + "</a></p>".length);
      expect(out).toMatch(
        /^<p>(?:word )*(?:&amp;)?(?:<a href="https:\/\/example.org\/a-long-address">x)?(?:<\/a>)?<\/p>$/,
      );
    }
  });

  it("reads a hundred thousand levels in one linear pass", () => {
    const levels = 100_000;
    const html = `${"<div>".repeat(levels)}deep${"</div>".repeat(levels)}`;
    const bounded = boundMarkup(html, { maxLength: html.length, maxDepth: 60 });
    expect(bounded.cut).toBe(false);
    expect(depthOf(bounded.html)).toBe(60);
    expect(textOf(bounded.html)).toBe("deep");
  });
});
