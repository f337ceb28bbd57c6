// The allowlist of src/sanitize/sanitize-content.ts, written out again for the other sanitizers
// that bench/compare-libraries.ts measures: that module does not export it, and a benchmark must
// not change src/. If the planet's allowlist changes, change this copy with it.

/** Every element the planet keeps. */
export const ALLOWED_TAGS: readonly string[] = [
  ...["p", "br", "hr", "a", "img", "picture", "source", "figure", "figcaption"],
  ...["blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var"],
  ...["em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"],
  ...["abbr", "dfn", "time", "span", "div", "ul", "ol", "li", "dl", "dt", "dd"],
  ...["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"],
  ...["details", "summary", "h4", "h5", "h6", "audio", "video", "iframe", "ruby", "rt", "rp"],
];

/** The attributes each element may keep; elements not named here keep none. */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "title", "rel"],
  img: [
    ...["src", "srcset", "alt", "title", "width", "height"],
    ...["loading", "decoding", "referrerpolicy"],
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

/** Elements removed together with their text (the planet's `nonTextTags`). */
export const DROPPED_WITH_TEXT: readonly string[] = [
  ...["script", "style", "xmp", "noembed", "noframes", "title", "template"],
  ...["textarea", "option", "select"],
];

/** Whether `name` may stay on `tag`. */
export function isAllowedAttribute(tag: string, name: string): boolean {
  return ALLOWED_ATTRIBUTES[tag]?.includes(name) ?? false;
}
