import { decodeHTMLAttribute } from "entities";
import { escapeHtml } from "../text/escape-html.ts";

/** The level of the page heading a post's own headings sit under (h3, the post title). */
const POST_TITLE_LEVEL = 3;
const DEEPEST = 6;
const HEADING = /^h([1-6])$/;

/**
 * A tag of sanitizer output, with its name and the rest up to its `>`. In that output `<` starts
 * nothing but a tag, and `>` ends one: text and attribute values carry them escaped.
 */
const TAG = /<(\/?)([a-z][a-z0-9]*)([^>]*)>/g;
const HAS_ALT = /\salt(?:[\s=/]|$)/;

/**
 * Fits sanitized post content into the page's outline, changing nothing else byte for byte:
 * - headings are renumbered so they follow the post title without skipping a level (a post whose
 *   sections are h5 with h6 subsections gets h4 and h5), keeping their relative nesting;
 * - an image the feed gave no `alt` gets one: empty, so assistive technology passes over it
 *   instead of reading out its URL; inside a link, "Image: <file name>", so the link has a name.
 * Input must be sanitizer output (lowercase tag names, explicit closing tags, `<` and `>` escaped
 * in text and attributes); so is the result. It is read tag by tag, without a parser: every page
 * that shows a post fits it again, and a parser cost ten times as much.
 */
export function fitContentHtml(html: string): string {
  /** The open heading levels of the content: as written and as shown. */
  const outline: { written: number; shown: number }[] = [];
  /** The renamed level of each open heading, so its closing tag follows. */
  const renamed: number[] = [];
  let linkDepth = 0;
  return html.replace(TAG, (tag, closing: string, name: string, rest: string) => {
    const heading = HEADING.exec(name);
    if (closing !== "") {
      if (name === "a") linkDepth = Math.max(0, linkDepth - 1);
      const shown = heading ? renamed.pop() : undefined;
      return shown === undefined ? tag : `</h${shown}${rest}>`;
    }
    if (heading) {
      const written = Number(heading[1]);
      while ((outline.at(-1)?.written ?? 0) >= written) outline.pop();
      const shown = Math.min(DEEPEST, (outline.at(-1)?.shown ?? POST_TITLE_LEVEL) + 1);
      outline.push({ written, shown });
      renamed.push(shown);
      return `<h${shown}${rest}>`;
    }
    if (name === "a") linkDepth++;
    if (name !== "img" || HAS_ALT.test(rest)) return tag;
    const alt = linkDepth > 0 ? `Image: ${fileName(imageSource(rest))}` : "";
    return `<img alt="${escapeHtml(alt)}"${rest}>`;
  });
}

/** An image tag's `src`, decoded as the page would: its attributes are sanitizer output. */
function imageSource(attributes: string): string {
  const src = /\ssrc="([^"]*)"/.exec(attributes)?.[1] ?? "";
  return decodeHTMLAttribute(src);
}

/** The last path segment of an image URL, decoded: "disnix-reconstruct.png"; else "untitled". */
function fileName(src: string): string {
  const path = URL.canParse(src) ? new URL(src).pathname : src;
  const last = path.split("/").filter(Boolean).at(-1) ?? "";
  try {
    return decodeURIComponent(last) || "untitled";
  } catch {
    return last || "untitled";
  }
}
