import { Parser } from "htmlparser2";

/** What truncateHtml gives back. */
export interface TruncatedHtml {
  /** The HTML cut after the requested number of words, every element closed; else the input. */
  html: string;
  /** Whether any text was left out. */
  truncated: boolean;
}

/** Elements that sit inside a word ("foo<em>bar</em>" is one word); any other tag ends a word. */
const INLINE = new Set([
  ...["a", "abbr", "b", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q"],
  ...["s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"],
]);

const VOID = new Set([
  "area",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "source",
  "track",
  "wbr",
]);

const WHITESPACE = /\s/;
/** Spaces at the end of the kept text, written plainly or as a no-break space entity. */
const TRAILING_SPACE = /(?:\s|&nbsp;|&#0*160;|&#x0*a0;)+$/i;

/**
 * Keeps the first `words` words of `html` and closes every element still open at the cut, so the
 * result nests as the input did. The cut falls between words, before a tag: never inside a tag
 * or an entity. Text after the cut is replaced by an ellipsis; markup without text (an image
 * after the last word) is kept when no text follows it.
 */
export function truncateHtml(html: string, words: number): TruncatedHtml {
  if (!Number.isInteger(words) || words < 1) {
    throw new RangeError(`words must be a positive integer, not ${words}`);
  }
  let out = "";
  let count = 0;
  let inWord = false;
  let cut = false;
  const open: string[] = [];
  const raw = () => html.slice(parser.startIndex, parser.endIndex + 1);

  const endWord = (name: string) => {
    if (!INLINE.has(name)) inWord = false;
  };
  /** Index in `text` where word number words + 1 starts, or -1. */
  const findCut = (text: string): number => {
    for (let i = 0; i < text.length; i++) {
      if (WHITESPACE.test(text.charAt(i))) inWord = false;
      else if (!inWord) {
        inWord = true;
        count++;
        if (count > words) return i;
      }
    }
    return -1;
  };

  const parser: Parser = new Parser({
    onopentag(name) {
      if (cut) return;
      endWord(name);
      out += raw();
      if (!VOID.has(name)) open.push(name);
    },
    onclosetag(name, isImplied) {
      if (cut || VOID.has(name)) return;
      endWord(name);
      out += isImplied ? `</${name}>` : raw();
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    },
    ontext(decoded) {
      if (cut) return;
      const source = raw();
      const at = findCut(decoded);
      if (at < 0) {
        out += source;
        return;
      }
      cut = true;
      // A token that differs from its decoded text is one entity: it stays whole or goes whole.
      out += source === decoded ? source.slice(0, at) : "";
      // Nothing after the cut is kept: an excerpt of a long post costs what its first words do.
      parser.pause();
    },
    oncomment() {
      if (!cut) out += raw();
    },
  });
  parser.write(html);
  if (!cut) {
    parser.end();
    return { html, truncated: false };
  }
  const closes = open
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
  return { html: `${out.replace(TRAILING_SPACE, "")} …${closes}`, truncated: true };
}

/**
 * Words shown of each post on member and category pages: the stream pages carry posts whole,
 * and repeating every post in full on these pages too doubled a planet's size.
 */
export const EXCERPT_WORDS = 80;
