import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import type { Post } from "../../src/model/post.ts";
import type { Member, Site } from "../../src/model/site.ts";
import { layOutArchive } from "../../src/select/archive-pages.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

/** Text that has broken feed writers: markup as text, entities as text, CDATA ends, bad characters. */
export const HOSTILE_TEXT =
  "<b>x &lt;i&gt; &amp; &nbsp; &#60; ]]> A&B \u0001\u0008\u000B\uFFFE\uD800 é 😀";
/** HOSTILE_TEXT as it must come back from the XML: the same, minus what XML cannot carry. */
export const HOSTILE_TEXT_BACK = "<b>x &lt;i&gt; &amp; &nbsp; &#60; ]]> A&B  é 😀";

/** A post of the sample feed; `n` varies it. */
export function post(n: number, fields: Partial<Post> = {}): Post {
  return { ...samplePost("https://ada.example/feed.xml", n), key: `key${n}`, ...fields };
}

/** Post 1 with HOSTILE_TEXT in every text field a feed writer prints, plus `fields`. */
export function hostilePost(fields: Partial<Post> = {}): Post {
  return post(1, {
    member: HOSTILE_TEXT,
    title: HOSTILE_TEXT,
    author: HOSTILE_TEXT,
    categories: [HOSTILE_TEXT],
    ...fields,
  });
}

/** A site of `posts` with a valid config (every default filled in, plus `config`). */
export function site(
  posts: Post[],
  config: Record<string, unknown> = {},
  members?: Member[],
): Site {
  const planet = configSchema.parse({
    title: "Test Planet",
    link: "https://planet.example.org/",
    description: "A planet for tests",
    owner: { name: "Planet admins", email: "admins@planet.example.org" },
    feeds: [],
    ...config,
  });
  return {
    config: planet,
    now: new Date("2025-03-01T12:00:00Z"),
    posts,
    archive: layOutArchive(posts, [], planet.postsPerPage, planet.timezone).pages,
    members: members ?? [
      {
        name: "Ada Example",
        feedUrl: "https://ada.example/feed.xml",
        link: "https://ada.example/",
        face: null,
        feedTitle: "Ada's blog",
        categories: [],
      },
    ],
    events: [],
  };
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
