import { describe, expect, it } from "vitest";
import { collapseWhitespace, htmlToText } from "../../src/text/html-to-text.ts";

describe("htmlToText", () => {
  it("keeps the text of inline markup without adding spaces", () => {
    expect(htmlToText("Hello <b>wor</b>ld")).toBe("Hello world");
  });

  it("decodes entities exactly once", () => {
    expect(htmlToText("&lt;b&gt;x")).toBe("<b>x");
    expect(htmlToText("Tom &amp;amp; Jerry")).toBe("Tom &amp; Jerry");
    expect(htmlToText("It&#8217;s &eacute;t&eacute;&nbsp;now")).toBe("It’s été now");
  });

  it("separates block elements and collapses whitespace", () => {
    expect(htmlToText("<p>one</p><p>two</p>\n\n <div>three<br>four</div>")).toBe(
      "one two three four",
    );
  });

  it("drops script and style text", () => {
    expect(htmlToText("a<script>alert(1)</script><style>p{}</style>b")).toBe("ab");
  });

  it("survives broken markup and plain text", () => {
    expect(htmlToText("<b>unclosed <i>tags")).toBe("unclosed tags");
    expect(htmlToText("just text")).toBe("just text");
    expect(htmlToText("")).toBe("");
    expect(htmlToText("a < b")).toBe("a < b");
  });
});

describe("collapseWhitespace", () => {
  it("turns runs of whitespace into one space and trims", () => {
    expect(collapseWhitespace("  a \n\t b\u00a0 c  ")).toBe("a b c");
  });
});
