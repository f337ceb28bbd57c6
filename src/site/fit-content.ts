import { Parser } from "htmlparser2";
import { escapeHtml } from "../text/escape-html.ts";

/** The level of the page heading a post's own headings sit under (h3, the post title). */
const POST_TITLE_LEVEL = 3;
const DEEPEST = 6;
const HEADING = /^h([1-6])$/;

/**
 * Fits sanitized post content into the page's outline, changing nothing else byte for byte:
 * - headings are renumbered so they follow the post title without skipping a level (a post whose
 *   sections are h5 with h6 subsections gets h4 and h5), keeping their relative nesting;
 * - an image the feed gave no `alt` gets one: empty, so assistive technology passes over it
 *   instead of reading out its URL; inside a link, "Image: <file name>", so the link has a name.
 * Input must be sanitizer output (lowercase tag names, explicit closing tags); so is the result.
 */
export function fitContentHtml(html: string): string {
  let out = "";
  let copied = 0;
  /** The open heading levels of the content: as written and as shown. */
  const outline: { written: number; shown: number }[] = [];
  /** The renamed level of each open heading, so its closing tag follows. */
  const renamed: number[] = [];
  let linkDepth = 0;
  /** Writes `text` in place of the tag's first `length` characters (`<h5`, `</h5`, `<img`). */
  const replaceTagStart = (length: number, text: string) => {
    out += html.slice(copied, parser.startIndex) + text;
    copied = parser.startIndex + length;
  };

  const parser: Parser = new Parser({
    onopentag(name, attribs) {
      const heading = HEADING.exec(name);
      if (heading) {
        const written = Number(heading[1]);
        while ((outline.at(-1)?.written ?? 0) >= written) outline.pop();
        const shown = Math.min(DEEPEST, (outline.at(-1)?.shown ?? POST_TITLE_LEVEL) + 1);
        outline.push({ written, shown });
        renamed.push(shown);
        replaceTagStart(3, `<h${shown}`);
      } else if (name === "a") {
        linkDepth++;
      } else if (name === "img" && !("alt" in attribs)) {
        const alt = linkDepth > 0 ? `Image: ${fileName(attribs.src ?? "")}` : "";
        replaceTagStart(4, `<img alt="${escapeHtml(alt)}"`);
      }
    },
    onclosetag(name, isImplied) {
      if (name === "a") linkDepth = Math.max(0, linkDepth - 1);
      if (!HEADING.test(name)) return;
      const shown = renamed.pop();
      if (!isImplied && shown !== undefined) replaceTagStart(4, `</h${shown}`);
    },
  });
  parser.write(html);
  parser.end();
  return out + html.slice(copied);
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
