import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/text/escape-html.ts";

describe("escapeHtml", () => {
  it("escapes exactly & < > \" '", () => {
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f");
  });

  it("leaves other text, non-ASCII included, untouched", () => {
    expect(escapeHtml("Grüße, 日本 — 😀\u00a0ok")).toBe("Grüße, 日本 — 😀\u00a0ok");
  });

  it("escapes once: entities in the input become visible text", () => {
    expect(escapeHtml("&lt;b&gt;x")).toBe("&amp;lt;b&amp;gt;x");
  });

  it.each([
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "&amp;lt;b&amp;gt; & &#x3C;",
  ])("round-trips %j through a browser parser as text and as an attribute", (text) => {
    const fragment = parseFragment(
      `<p title="${escapeHtml(text)}" data-x='${escapeHtml(text)}'>${escapeHtml(text)}</p>`,
    );
    const [p] = fragment.childNodes;
    if (p === undefined || !("tagName" in p)) throw new Error("no element parsed");
    expect(fragment.childNodes).toHaveLength(1);
    expect(p.attrs).toEqual([
      { name: "title", value: text },
      { name: "data-x", value: text },
    ]);
    expect(p.childNodes).toEqual([expect.objectContaining({ nodeName: "#text", value: text })]);
  });
});
