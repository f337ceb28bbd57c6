// The sanitizers and feed parsers bench/compare-libraries.ts measures. Each is loaded by a
// dynamic import inside its own child process, so one library's code and memory never count
// against another's.
import type { DOMPurify, WindowLike } from "dompurify";
import type SanitizeHtml from "sanitize-html";
import type { FeedFormat } from "./render-synthetic-feed.ts";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_TEXT,
  isAllowedAttribute,
} from "./sanitizer-allowlist.ts";

/** Sanitizes one post's HTML; `base` is the feed's URL (only the planet's own function uses it). */
export type Sanitize = (html: string, base: string | null) => string;

/** Reads one feed body: how many entries came out with content, or null for a format it can't read. */
export type ParseBody = (text: string, format: FeedFormat) => Promise<number | null>;

/** A library that cannot run here, and why. */
export interface Unsupported {
  unsupported: string;
}

/** One measured library (or the baseline: the corpus loaded, nothing run). */
export type Candidate =
  | { kind: "sanitizer"; name: string; load: () => Promise<Sanitize | Unsupported> }
  | { kind: "parser"; name: string; load: () => Promise<ParseBody> }
  | { kind: "baseline"; name: string };

// DOMPurify's own default, with only http(s) and mailto among the schemes: relative URLs pass.
const HTTP_OR_RELATIVE = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

async function loadPlanetSanitizer(): Promise<Sanitize> {
  const { sanitizeContent } = await import("../src/sanitize/sanitize-content.ts");
  return (html, base) => sanitizeContent(html, base);
}

/** sanitize-html with the planet's allowlist but none of its transforms (URL resolution, rel, …). */
async function loadPlainSanitizeHtml(): Promise<Sanitize> {
  const { default: sanitizeHtml } = await import("sanitize-html");
  const options: SanitizeHtml.IOptions = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(
      Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
    ),
    allowedSchemes: ["http", "https"],
    allowedSchemesByTag: { a: ["http", "https", "mailto"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: [...DROPPED_WITH_TEXT],
  };
  return (html) => sanitizeHtml(html, options);
}

/** DOMPurify on `window`, held to the planet's allowlist (per element for attributes). */
function purifyOn(createDOMPurify: DOMPurify, window: WindowLike): Sanitize | null {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) return null;
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    if (!isAllowedAttribute(node.nodeName.toLowerCase(), data.attrName)) data.keepAttr = false;
  });
  const config = {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR: [...new Set(Object.values(ALLOWED_ATTRIBUTES).flat())],
    ALLOWED_URI_REGEXP: HTTP_OR_RELATIVE,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ADD_FORBID_CONTENTS: [...DROPPED_WITH_TEXT],
  };
  return (html) => purify.sanitize(html, config);
}

async function loadDomPurifyOnJsdom(): Promise<Sanitize> {
  const { default: createDOMPurify } = await import("dompurify");
  const { JSDOM } = await import("jsdom");
  const sanitize = purifyOn(createDOMPurify, new JSDOM("").window);
  if (sanitize === null) throw new Error("DOMPurify finds the jsdom window unsupported");
  return sanitize;
}

async function loadDomPurifyOnLinkedom(): Promise<Sanitize | Unsupported> {
  const { default: createDOMPurify } = await import("dompurify");
  const { parseHTML } = await import("linkedom");
  const { window } = parseHTML("<!doctype html><html><body></body></html>");
  return (
    purifyOn(createDOMPurify, window) ?? {
      unsupported: "DOMPurify finds the linkedom window unsupported and returns its input",
    }
  );
}

/** js-xss with the planet's allowlist; its default URL check (safeAttrValue) stays on. */
async function loadXss(): Promise<Sanitize> {
  const { FilterXSS } = await import("xss");
  const filter = new FilterXSS({
    whiteList: Object.fromEntries(
      ALLOWED_TAGS.map((tag) => [tag, [...(ALLOWED_ATTRIBUTES[tag] ?? [])]]),
    ),
    stripIgnoreTag: true,
    stripIgnoreTagBody: [...DROPPED_WITH_TEXT],
    allowCommentTag: false,
    css: false,
  });
  return (html) => filter.process(html);
}

async function loadPlanetParser(): Promise<ParseBody> {
  const { parseFeed } = await import("../src/parse/parse-feed.ts");
  return async (text) => {
    const outcome = parseFeed(text);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.feed.entries.filter((entry) => entry.contentHtml).length;
  };
}

/** feedsmith's own readers, without the planet's XML check and mapping. */
async function loadFeedsmith(): Promise<ParseBody> {
  const { parseAtomFeed, parseJsonFeed, parseRssFeed } = await import("feedsmith");
  return async (text, format) => {
    if (format === "rss")
      return (parseRssFeed(text).items ?? []).filter((i) => i.content?.encoded).length;
    if (format === "atom")
      return (parseAtomFeed(text).entries ?? []).filter((e) => e.content?.value).length;
    return (parseJsonFeed(JSON.parse(text)).items ?? []).filter((i) => i.content_html).length;
  };
}

async function loadRssParser(): Promise<ParseBody> {
  const { default: Parser } = await import("rss-parser");
  const parser = new Parser<object, { "content:encoded"?: string }>();
  return async (text, format) => {
    if (format === "json") return null;
    const feed = await parser.parseString(text);
    return feed.items.filter((item) => item["content:encoded"] ?? item.content).length;
  };
}

/** Its fields are getters computed on access: read the ones the planet uses. */
async function loadRowanmanningParser(): Promise<ParseBody> {
  const { parseFeed } = await import("@rowanmanning/feed-parser");
  return async (text, format) => {
    if (format === "json") return null;
    return parseFeed(text).items.filter(
      (item) =>
        item.id !== null &&
        item.title !== null &&
        item.url !== null &&
        item.published !== null &&
        item.authors &&
        item.content,
    ).length;
  };
}

/**
 * fast-xml-parser's tree (or JSON.parse) with nothing read out of it. Left encoded, entities
 * cost nothing: the floor. feedsmith, too, leaves them to the `entities` package, which is
 * faster than fast-xml-parser's own decoding on Atom's escaped HTML.
 */
async function loadFastXmlParser(decodeEntities: boolean): Promise<ParseBody> {
  const { XMLParser } = await import("fast-xml-parser");
  const parser = new XMLParser({
    ignoreAttributes: false,
    processEntities: decodeEntities,
    parseTagValue: decodeEntities,
  });
  return async (text, format) => {
    if (format === "json") return JSON.parse(text).items.length;
    const tree = parser.parse(text);
    return (tree.rss?.channel?.item ?? tree.feed?.entry ?? []).length;
  };
}

/** Every candidate, in the order of the report; the first of each kind is the planet's own. */
export const CANDIDATES: Candidate[] = [
  { kind: "baseline", name: "baseline (corpus only)" },
  {
    kind: "sanitizer",
    name: "sanitizeContent (ours: sanitize-html + transforms)",
    load: loadPlanetSanitizer,
  },
  { kind: "sanitizer", name: "sanitize-html, allowlist only", load: loadPlainSanitizeHtml },
  { kind: "sanitizer", name: "dompurify + jsdom", load: loadDomPurifyOnJsdom },
  { kind: "sanitizer", name: "dompurify + linkedom", load: loadDomPurifyOnLinkedom },
  { kind: "sanitizer", name: "xss (js-xss)", load: loadXss },
  {
    kind: "parser",
    name: "parseFeed (ours: feedsmith + XML check + mapping)",
    load: loadPlanetParser,
  },
  { kind: "parser", name: "feedsmith alone", load: loadFeedsmith },
  { kind: "parser", name: "rss-parser", load: loadRssParser },
  { kind: "parser", name: "@rowanmanning/feed-parser", load: loadRowanmanningParser },
  {
    kind: "parser",
    name: "fast-xml-parser tree, default options",
    load: () => loadFastXmlParser(true),
  },
  {
    kind: "parser",
    name: "fast-xml-parser tree, entities left encoded (floor)",
    load: () => loadFastXmlParser(false),
  },
];
