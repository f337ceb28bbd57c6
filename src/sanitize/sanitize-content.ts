import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "../text/escape-html.ts";
import { removeUnprintable } from "../text/remove-unprintable.ts";
import { type BoundedMarkup, boundMarkup } from "./bound-markup.ts";
import { CONTENT_BOUNDS, MAX_CONTENT_BYTES } from "./content-bounds.ts";
import { parseBaseUrl } from "./resolve-url.ts";
import { buildTransforms } from "./transform-elements.ts";

/** How sanitizeContent treats the few things a caller may choose. */
export interface SanitizeOptions {
  /** Allowlisted video iframes stay sandboxed players ("iframe", default) or become links. */
  embeds?: "iframe" | "link";
  /** Where the whole post can be read: a post cut short ends with a link there. */
  originalUrl?: string | null;
}

/** Sanitized content, and whether it had to be shortened to fit the bounds. */
export interface SanitizedContent {
  /** Safe for set:html. */
  html: string;
  /** Cut short, or markup nested past the depth bound flattened. */
  shortened: boolean;
}

/** Every element that may appear in sanitized output (h1–h3 are shifted down before this check). */
export const ALLOWED_TAGS = [
  ...["p", "br", "hr", "a", "img", "picture", "source", "figure", "figcaption"],
  ...["blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var"],
  ...["em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"],
  ...["abbr", "dfn", "time", "span", "div", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"],
  ...["details", "summary", "h4", "h5", "h6", "audio", "video", "iframe", "ruby", "rt", "rp"],
];

/** The only attributes kept; the transforms have already resolved and checked their values. */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "rel"],
  img: [
    "src",
    "srcset",
    "alt",
    "title",
    "width",
    "height",
    "loading",
    "decoding",
    "referrerpolicy",
  ],
  source: ["src", "srcset", "type", "media"],
  video: ["src", "poster", "controls", "width", "height"],
  audio: ["src", "controls"],
  iframe: ["src", "sandbox", "allow", "referrerpolicy", "loading", "title"],
  td: ["colspan", "rowspan", "scope"],
  th: ["colspan", "rowspan", "scope"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  time: ["datetime"],
  abbr: ["title"],
};

/**
 * Elements removed together with their text. Raw-text elements (script, style, xmp, noembed,
 * noframes) would otherwise leak code as visible text; title, template and form controls hold
 * nothing a reader of the original post saw. noscript is not here: its content is usually the
 * real image behind a lazy-loading placeholder, and it is sanitized like any other markup.
 */
export const DROPPED_WITH_TEXT = [
  ...["script", "style", "xmp", "noembed", "noframes", "title", "template"],
  ...["textarea", "option", "select"],
];

/** The sanitize-html configuration shared by every call; only the transforms vary per post. */
const BASE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: { a: ["http", "https", "mailto"] },
  allowProtocolRelative: false,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_TEXT,
  selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
  exclusiveFilter: filterElement,
};

// Loose on purpose: anything shaped like an address counts, so none slips through.
const EMAIL_ADDRESS = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/;

/**
 * Decides, once an element is complete, whether it stays (false), goes with its content (true) or
 * gives way to its content ("excludeTag"). Images, sources and iframes whose URL the transforms
 * refused go whole. Links without a usable href become their text; mailto links too, since
 * authors' addresses are never shown, and their text goes as well when it holds an address.
 */
function filterElement(frame: sanitizeHtml.IFrame): boolean | "excludeTag" {
  const { href, src, srcset } = frame.attribs;
  switch (frame.tag) {
    case "img":
      return src === undefined;
    case "iframe":
      // In "link" mode a kept embed arrives here as a link, with an href instead of a src.
      return src === undefined && href === undefined;
    case "source":
      return src === undefined && srcset === undefined;
    case "a":
      if (href === undefined) return "excludeTag";
      if (!href.startsWith("mailto:")) return false;
      return EMAIL_ADDRESS.test(frame.text) ? true : "excludeTag";
    default:
      return false;
  }
}

// Safe on our own output only: attribute values there never contain a raw ">", and are URLs,
// numbers or fixed words, so " src=" inside a tag is the attribute itself.
const EMPTY_WRAPPER = /<(a|p|span)(?: [^>]*)?><\/\1>|<(video|audio)(?![^>]* src=)[^>]*><\/\2>/g;

/**
 * Removes what is left with nothing inside (a link around a removed pixel, a player whose every
 * source was refused), innermost first; other empty elements may be meant and are kept.
 */
function removeEmptyWrappers(html: string): string {
  let previous: string;
  let current = html;
  do {
    previous = current;
    current = previous.replace(EMPTY_WRAPPER, "");
  } while (current !== previous);
  return current;
}

/**
 * Turns a feed's HTML into markup safe to insert into the planet page: allowlisted elements and
 * attributes only, URLs resolved against `baseUrl` and limited to http(s), links marked
 * nofollow/ugc, images lazy and referrer-free, trackers and unknown embeds removed, headings shifted
 * below the page's own. Deterministic: the same input always gives the same bytes. Apply it once
 * to the feed's HTML: the heading shift would move already sanitized headings down again.
 */
export function sanitizeContent(
  html: string,
  baseUrl: string | null,
  options: SanitizeOptions = {},
): string {
  return sanitizeBoundedContent(html, baseUrl, options).html;
}

/**
 * sanitizeContent, telling whether the content was shortened: cut (before cleaning, so a huge
 * post costs no more than a big one) to CONTENT_BOUNDS and MAX_CONTENT_BYTES with a "continue
 * reading" link to `options.originalUrl` at the end, or flattened past CONTENT_BOUNDS.maxDepth.
 */
export function sanitizeBoundedContent(
  html: string,
  baseUrl: string | null,
  options: SanitizeOptions = {},
): SanitizedContent {
  const transformTags = buildTransforms({
    base: parseBaseUrl(baseUrl),
    embeds: options.embeds ?? "iframe",
  });
  const clean = (markup: BoundedMarkup) => {
    const ending = markup.cut ? continueReading(options.originalUrl ?? null) : "";
    return removeEmptyWrappers(
      sanitizeHtml(markup.html + ending, { ...BASE_OPTIONS, transformTags }),
    );
  };
  const bounded = boundMarkup(removeUnprintable(html), CONTENT_BOUNDS);
  const shortened = bounded.cut || bounded.flattened;
  const first = clean(bounded);
  const bytes = Buffer.byteLength(first);
  if (bytes <= MAX_CONTENT_BYTES) return { html: first, shortened };
  // Cut the markup again in proportion, with a margin: it grows about evenly as it is cleaned.
  const maxLength = Math.floor(((bounded.html.length * MAX_CONTENT_BYTES) / bytes) * 0.9);
  return {
    html: clean(boundMarkup(bounded.html, { ...CONTENT_BOUNDS, maxLength })),
    shortened: true,
  };
}

/** The end of a post cut short: a link to the whole of it, when it has a page of its own. */
function continueReading(originalUrl: string | null): string {
  if (originalUrl === null) return "<p>…</p>";
  return `<p>… <a href="${escapeHtml(originalUrl)}">Continue reading</a></p>`;
}
