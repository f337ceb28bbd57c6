import { escapeHtml } from "./escape-html.ts";

/**
 * Turns plain text into HTML that shows the same text: blank lines start paragraphs,
 * single line breaks become `<br>`, everything else is escaped.
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/[ \t]*\n[ \t]*/g, "<br>\n")}</p>`)
    .join("\n");
}
