import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/** How much markup one post may bring into the cleaning passes. */
export interface MarkupBounds {
  /** Characters of HTML read; the rest is cut off at a tag or between words. */
  maxLength: number;
  /** Elements nested deeper than this lose their tags and keep their text. */
  maxDepth: number;
}

/** What boundMarkup gives back. */
export interface BoundedMarkup {
  /** The markup within the bounds; the input itself, unchanged, when it was within them. */
  html: string;
  /** Whether the end was cut off (the open elements are closed after the cut). */
  cut: boolean;
  /** Whether elements nested past maxDepth were flattened into their parent. */
  flattened: boolean;
}

/** Elements that never hold content, so never add a level (htmlparser2's list). */
const VOID = new Set([
  ...["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img"],
  ...["input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"],
]);

/** Inside these, `<x/>` closes itself, as the parser reads it. */
const FOREIGN = new Set(["svg", "math"]);

const P = ["p"];
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];

/**
 * Opening one of these first closes an open element of the listed names at the top of the stack:
 * htmlparser2's rule, mirrored so that a list of unclosed `<li>` or `<p>` counts as one level,
 * as the parsers after this one see it, not as one more level per item.
 */
const OPEN_IMPLIES_CLOSE = new Map<string, readonly string[]>([
  ...[
    ...["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset"],
    ...["figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre"],
    ...["section", "table", "ul", "p"],
  ].map((name): [string, readonly string[]] => [name, P]),
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((name): [string, readonly string[]] => [
    name,
    HEADINGS,
  ]),
  ...["select", "input", "output", "button", "datalist", "textarea"].map(
    (name): [string, readonly string[]] => [name, FORM],
  ),
  ["tr", ["tr", "th", "td"]],
  ["th", ["th"]],
  ["td", ["thead", "th", "td"]],
  ["a", ["a"]],
  ["li", ["li"]],
  ["option", ["option"]],
  ["optgroup", ["optgroup", "option"]],
  ["dd", ["dd", "dt"]],
  ["dt", ["dd", "dt"]],
  ["rt", ["rt", "rp"]],
  ["rp", ["rt", "rp"]],
  ["tbody", ["thead", "tbody"]],
  ["tfoot", ["thead", "tbody"]],
]);

const TRAILING_WORD = /\S*$/;
const PARTIAL_ENTITY = /&[#a-z0-9]*$/i;

/**
 * Bounds a post's HTML before any cleaning pass reads it, in one linear pass of htmlparser2's
 * tokenizer (its parser keeps open elements in an array it prepends to, so its cost grows with
 * depth × size, as sanitize-html's does on top of it):
 * - past `maxLength` characters the markup is cut before the first tag that does not fit, or
 *   between words inside a long text, and the elements still open are closed;
 * - an element nested deeper than `maxDepth` loses its start and end tags (its text and its
 *   children stay, one level up), so the parsers after this one never see more levels than that.
 * Markup within both bounds comes back as the very same string. The result is not yet safe: it
 * only goes on to the sanitizer.
 */
export function boundMarkup(html: string, bounds: MarkupBounds): BoundedMarkup {
  const cut = html.length > bounds.maxLength;
  const source = cut ? html.slice(0, bounds.maxLength) : html;
  const parts: string[] = [];
  /** Where the next piece to copy starts: everything before it is in `parts` or dropped. */
  let copied = 0;
  /** Open elements whose tags are kept, outermost first; never more than maxDepth. */
  const open: string[] = [];
  /** Elements opened past maxDepth, by name, still open: their end tags go too. */
  const dropped = new Map<string, number>();
  let droppedCount = 0;
  let foreignDepth = 0;
  let flattened = false;
  /** Where the last complete tag ends: a cut keeps everything before it whole. */
  let lastTagEnd = 0;
  /** The open tag being read: its name and where its `<` is. */
  const reading: { tag: { name: string; start: number } | null } = { tag: null };

  const drop = (start: number, end: number) => {
    parts.push(source.slice(copied, start));
    copied = end;
  };
  const closeKept = (length: number) => {
    for (const name of open.splice(length)) if (FOREIGN.has(name)) foreignDepth--;
    dropped.clear();
    droppedCount = 0;
  };
  const endOpenTag = (endIndex: number, selfClosing: boolean) => {
    if (reading.tag === null) return;
    const { name, start } = reading.tag;
    reading.tag = null;
    lastTagEnd = endIndex + 1;
    if (VOID.has(name) || (selfClosing && foreignDepth > 0)) return;
    if (droppedCount === 0 && open.length < bounds.maxDepth) {
      open.push(name);
      if (FOREIGN.has(name)) foreignDepth++;
      return;
    }
    flattened = true;
    dropped.set(name, (dropped.get(name) ?? 0) + 1);
    droppedCount++;
    drop(start, endIndex + 1);
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      const name = source.slice(start, end).toLowerCase();
      const closes = OPEN_IMPLIES_CLOSE.get(name);
      if (closes !== undefined && droppedCount === 0) {
        let length = open.length;
        while (length > 0 && closes.includes(open[length - 1] ?? "")) length--;
        closeKept(length);
      }
      reading.tag = { name, start: start - 1 };
    },
    onopentagend: (endIndex) => endOpenTag(endIndex, false),
    onselfclosingtag: (endIndex) => endOpenTag(endIndex, true),
    onclosetag(start, end) {
      const name = source.slice(start, end).toLowerCase();
      const tagEnd = source.indexOf(">", end);
      lastTagEnd = tagEnd === -1 ? source.length : tagEnd + 1;
      const deep = dropped.get(name) ?? 0;
      if (deep > 0) {
        dropped.set(name, deep - 1);
        droppedCount--;
        drop(source.lastIndexOf("<", start), lastTagEnd);
        return;
      }
      const at = open.lastIndexOf(name);
      if (at !== -1) closeKept(at);
    },
    isInForeignContext: () => foreignDepth > 0,
    onattribdata() {},
    onattribentity() {},
    onattribend() {},
    onattribname() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onend() {},
    onprocessinginstruction() {},
    ontext() {},
    ontextentity() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(source);
  tokenizer.end();

  if (!cut && !flattened) return { html, cut, flattened };
  if (!cut) return { html: parts.join("") + source.slice(copied), cut, flattened };
  const wholeEnd = Math.max(copied, lastTagEnd);
  parts.push(source.slice(copied, wholeEnd));
  parts.push(lastWholeText(source.slice(wholeEnd, reading.tag?.start)));
  parts.push(...open.toReversed().map((name) => `</${name}>`));
  return { html: parts.join(""), cut, flattened };
}

/**
 * The text before a cut, ending on a whole word: without a tag, comment or entity the cut
 * went through the middle of.
 */
function lastWholeText(tail: string): string {
  const lt = tail.indexOf("<");
  const text = lt === -1 ? tail : tail.slice(0, lt);
  const words = text.replace(TRAILING_WORD, "");
  return (words === "" ? text : words).replace(PARTIAL_ENTITY, "");
}
