import { Parser } from "htmlparser2";

/** Elements whose boundaries separate words, so `<p>a</p><p>b</p>` reads "a b", not "ab". */
const BREAKING_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** Elements whose text is code or styling, never readable content. */
const HIDDEN_TAGS = new Set(["script", "style", "template", "noscript"]);

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The readable text of an HTML fragment: entities decoded once, whitespace collapsed, trimmed. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN_TAGS.has(name)) hiddenDepth++;
        if (BREAKING_TAGS.has(name)) parts.push(" ");
      },
      onclosetag(name) {
        if (HIDDEN_TAGS.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (BREAKING_TAGS.has(name)) parts.push(" ");
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapseWhitespace(parts.join(""));
}
