import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import type { Post } from "../../src/model/post.ts";
import { adaPost } from "../helpers/sample-site.ts";

/** Text that has broken feed writers: markup as text, entities as text, CDATA ends, bad characters. */
export const HOSTILE_TEXT =
  "<b>x &lt;i&gt; &amp; &nbsp; &#60; ]]> A&B \u0001\u0008\u000B\uFFFE\uD800 é 😀";
/** HOSTILE_TEXT as it must come back from the XML: the same, minus what XML cannot carry. */
export const HOSTILE_TEXT_BACK = "<b>x &lt;i&gt; &amp; &nbsp; &#60; ]]> A&B  é 😀";

/** Post 1 with HOSTILE_TEXT in every text field a feed writer prints, plus `fields`. */
export function hostilePost(fields: Partial<Post> = {}): Post {
  return adaPost(1, {
    member: HOSTILE_TEXT,
    title: HOSTILE_TEXT,
    author: HOSTILE_TEXT,
    categories: [HOSTILE_TEXT],
    ...fields,
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ["item", "entry", "outline", "category"].includes(name),
});

/** Parses `xml` after asserting it is well-formed XML 1.0 text with no undeclared entity. */
export function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/&(?!(?:lt|gt|amp|quot|apos);|#\d+;|#x[\da-fA-F]+;)/);
  expect(xml).not.toMatch(LONE_SURROGATE);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  return parser.parse(xml);
}
