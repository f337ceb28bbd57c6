import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeXml } from "../../src/render/xml-text.ts";

describe("writeXml, on what XML 1.0 cannot carry", () => {
  // The same text as the value of an attribute and as the text of its element.
  const written = (text: string) => {
    const xml = writeXml({ t: { "@_a": text, "#text": text } });
    return { attribute: xml.match(/a="([^"]*)"/su)?.[1], text: xml.match(/>([^<]*)<\/t>/su)?.[1] };
  };

  it("drops the control characters XML 1.0 cannot carry and keeps tab, newline and return", () => {
    const kept = "abcdef\t\n\rg";
    expect(written("a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\t\n\rg")).toEqual({
      attribute: kept,
      text: kept,
    });
  });

  it("drops U+FFFE, U+FFFF and unpaired surrogates but keeps real astral characters", () => {
    expect(written("a\uFFFEb\uFFFFc").text).toBe("abc");
    expect(written("x\uD800y\uDC00z\uDBFF")).toEqual({ attribute: "xyz", text: "xyz" });
    expect(written("😀 \uD83D\uDE00").text).toBe("😀 😀");
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
