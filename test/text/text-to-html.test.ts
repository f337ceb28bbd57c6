import { describe, expect, it } from "vitest";
import { textToHtml } from "../../src/text/text-to-html.ts";

describe("textToHtml", () => {
  it("makes paragraphs from blank lines and <br> from single line breaks", () => {
    expect(textToHtml("one\ntwo\r\n\r\nthree")).toBe("<p>one<br>\ntwo</p>\n<p>three</p>");
  });

  it("escapes markup in the text", () => {
    expect(textToHtml("1 < 2 & <script>")).toBe("<p>1 &lt; 2 &amp; &lt;script&gt;</p>");
  });

  it("gives an empty string for blank text", () => {
    expect(textToHtml(" \n\n ")).toBe("");
  });
});
