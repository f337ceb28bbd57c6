import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { truncateHtml } from "../../src/site/truncate-html.ts";

/** The element names of `html`, in document order, as a browser parses it. */
function elementNames(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.body.querySelectorAll("*")].map((element) => element.localName);
}

describe("truncateHtml", () => {
  it("returns the input unchanged when it has no more words than asked", () => {
    const html = '<p>One <em>two</em> three.</p>\n<img src="https://x.example/a.png" alt="">';
    expect(truncateHtml(html, 3)).toEqual({ html, truncated: false });
    expect(truncateHtml(html, 30)).toEqual({ html, truncated: false });
  });

  it("cuts after N words and closes every open element in order", () => {
    const html =
      "<div><p>One two <strong>three <em>four five</em></strong> six</p><p>seven</p></div>";
    const result = truncateHtml(html, 4);
    expect(result).toEqual({
      html: "<div><p>One two <strong>three <em>four …</em></strong></p></div>",
      truncated: true,
    });
  });

  it("counts a word split by inline markup once, and block boundaries as word breaks", () => {
    expect(truncateHtml("<p>foo<em>bar</em> baz</p>", 1).html).toBe("<p>foo<em>bar</em> …</p>");
    expect(truncateHtml("<p>alpha</p><p>beta</p><p>gamma</p>", 2).html).toBe(
      "<p>alpha</p><p>beta</p><p> …</p>",
    );
  });

  it("never cuts inside an entity or a tag, and keeps attributes as they were", () => {
    const html =
      '<p>Fish &amp; chips&nbsp;and <a href="https://x.example/?a=1&amp;b=2" title="a &quot;b&quot;">peas here</a></p>';
    const result = truncateHtml(html, 5);
    expect(result.html).toBe(
      '<p>Fish &amp; chips&nbsp;and <a href="https://x.example/?a=1&amp;b=2" title="a &quot;b&quot;">peas …</a></p>',
    );
    expect(result.truncated).toBe(true);
  });

  it("counts words separated by a no-break space apart and drops the space at the cut", () => {
    expect(truncateHtml("<p>a&nbsp;b c</p>", 1)).toEqual({ html: "<p>a …</p>", truncated: true });
    expect(truncateHtml("<p>a &amp; b</p>", 2).html).toBe("<p>a &amp; …</p>");
  });

  it("leaves void elements unclosed and balanced output parseable the same way", () => {
    const html =
      '<ul><li>one<br>two</li><li><img src="https://x.example/i.png" alt="">three four</li></ul><pre><code>five six</code></pre>';
    const result = truncateHtml(html, 3);
    expect(result.html).toBe(
      '<ul><li>one<br>two</li><li><img src="https://x.example/i.png" alt="">three …</li></ul>',
    );
    expect(elementNames(result.html)).toEqual(["ul", "li", "br", "li", "img"]);
  });

  it("closes elements the source left open implicitly", () => {
    const result = truncateHtml("<div><p>one<p>two three</div>", 2);
    expect(result.html).toBe("<div><p>one</p><p>two …</p></div>");
  });

  it("keeps comments but never counts their text", () => {
    expect(truncateHtml("<p><!-- lots of words here -->a b</p>", 1).html).toBe(
      "<p><!-- lots of words here -->a …</p>",
    );
  });

  it("refuses a word count below one", () => {
    expect(() => truncateHtml("<p>a</p>", 0)).toThrow(RangeError);
    expect(() => truncateHtml("<p>a</p>", 1.5)).toThrow(RangeError);
  });
});
