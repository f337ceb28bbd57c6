/**
 * `text` as a regular expression that matches it literally. Only the syntax characters are
 * escaped: any other escape, `\-` say, is an error in a Unicode (`u`) pattern.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
