import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { toXmlText, writeXml } from "../../src/render/xml-text.ts";

describe("toXmlText", () => {
  it("drops the control characters XML 1.0 cannot carry and keeps tab, newline and return", () => {
    expect(toXmlText("a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\t\n\rg")).toBe("abcdef\t\n\rg");
  });

  it("drops U+FFFE, U+FFFF and unpaired surrogates but keeps real astral characters", () => {
    expect(toXmlText("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(toXmlText("x\uD800y\uDC00z\uDBFF")).toBe("xyz");
    expect(toXmlText("😀 \uD83D\uDE00")).toBe("😀 😀");
  });

  it("leaves escaping to writeXml", () => {
    expect(toXmlText("<b>x</b> & ]]> \"q\" 'a' é &lt;")).toBe("<b>x</b> & ]]> \"q\" 'a' é &lt;");
  });
});

describe("writeXml", () => {
  const text = "&lt;b&gt; &amp; &nbsp; &#60; &#x3C;script&#x3E; <i>x</i> ]]> \"q\" 'a'";

  it("escapes every & once, entity-like or not, in text and attributes", () => {
    const xml = writeXml({ t: { "@_a": text, "#text": text } });
    expect(xml).toContain("&amp;lt;b&amp;gt; &amp;amp; &amp;nbsp; &amp;#60; &amp;#x3C;script");
    expect(xml).not.toMatch(/<i>|&nbsp;/);
  });

  it("writes text a real parser reads back as it was written", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(
      writeXml({ t: { "@_a": text, "#text": text } }),
    );
    expect(parsed.t["#text"]).toBe(text);
    expect(parsed.t["@_a"]).toBe(text);
  });

  it("leaves out what is undefined and writes arrays as repeated elements", () => {
    expect(writeXml({ r: { a: undefined, b: ["1", "2"] } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<r>\n  <b>1</b>\n  <b>2</b>\n</r>\n',
    );
  });
});
