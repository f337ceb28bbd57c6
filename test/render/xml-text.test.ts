import { describe, expect, it } from "vitest";
import { toXmlText } from "../../src/render/xml-text.ts";

describe("toXmlText", () => {
  it("drops the control characters XML 1.0 cannot carry and keeps tab, newline and return", () => {
    expect(toXmlText("a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\t\n\rg")).toBe("abcdef\t\n\rg");
  });

  it("drops U+FFFE, U+FFFF and unpaired surrogates but keeps real astral characters", () => {
    expect(toXmlText("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(toXmlText("x\uD800y\uDC00z\uDBFF")).toBe("xyz");
    expect(toXmlText("😀 \uD83D\uDE00")).toBe("😀 😀");
  });

  it("escapes an & that starts something entity-like, which the builder would pass through", () => {
    expect(toXmlText("&lt;b&gt; &amp; &nbsp; &#60;")).toBe(
      "&amp;lt;b&amp;gt; &amp;amp; &amp;nbsp; &amp;#60;",
    );
  });

  it("leaves other text for the builder to escape", () => {
    expect(toXmlText("<b>x</b> & ]]> \"q\" 'a' é")).toBe("<b>x</b> & ]]> \"q\" 'a' é");
  });
});

it("escapes hexadecimal character references too, so &#x3C; stays text", () => {
  expect(toXmlText("&#x3C;script&#x3E; &#X3c;")).toBe("&amp;#x3C;script&amp;#x3E; &amp;#X3c;");
});
