import { Parser } from "htmlparser2";
import { collapseWhitespace } from "../text/html-to-text.ts";

/** Elements that end a line of text. */
export const LINE_BREAKING_TAGS: ReadonlySet<string> = new Set([
  ...["p", "br", "div", "li", "tr", "blockquote", "pre"],
  ...["h1", "h2", "h3", "h4", "h5", "h6"],
]);

/** The HTML's text, one entry per visual line (paragraphs, breaks), whitespace collapsed, no empty lines. */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let current = "";
  const endLine = () => {
    const line = collapseWhitespace(current);
    if (line !== "") lines.push(line);
    current = "";
  };
  const parser = new Parser(
    {
      onopentagname: (name) => LINE_BREAKING_TAGS.has(name) && endLine(),
      onclosetag: (name) => LINE_BREAKING_TAGS.has(name) && endLine(),
      ontext: (text) => {
        current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return lines;
}
