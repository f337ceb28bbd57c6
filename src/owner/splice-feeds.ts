import type { NewFeed } from "./add-feeds-to-config.ts";
import { locateTopLevelArray } from "./locate-json-array.ts";

/** Biome's line width: a new one-line entry longer than this would be reformatted by it. */
const LINE_WIDTH = 100;

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Rewrites the top-level `feeds` array of a config text with `added` sorted in by name. Existing
 * entries keep their own text and everything outside the array is untouched; new entries follow
 * the list's style (one line each, or one key per line), as Biome would leave them.
 * `existing` are the array's entries as parsed, in order. Returns null when there is no array.
 */
export function spliceFeeds(
  text: string,
  existing: readonly { name: string; url: string }[],
  added: readonly NewFeed[],
): string | null {
  const layout = locateTopLevelArray(text, "feeds");
  if (layout === null) return null;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const closing = indentOfLine(text, layout.start);
  const first = layout.elements[0];
  // An element on a line of its own sets the indent; otherwise one level inside the bracket.
  const ownLine = first !== undefined && text.slice(layout.start, first.start).includes("\n");
  const indent = ownLine ? indentOfLine(text, first.start) : `${closing}  `;
  const oneLine =
    layout.elements.length > 0 &&
    layout.elements.every((span) => !text.slice(span.start, span.end).includes("\n"));
  const entries = [
    ...layout.elements.map((span, i) => ({
      name: existing[i]?.name ?? "",
      url: existing[i]?.url ?? "",
      source: text.slice(span.start, span.end),
    })),
    ...added.map((feed) => ({ ...feed, source: formatEntry(feed, indent, oneLine, eol) })),
  ].sort((a, b) => byName.compare(a.name, b.name) || compareText(a.url, b.url));
  const lines = entries.map((entry) => indent + entry.source).join(`,${eol}`);
  return `${text.slice(0, layout.start)}[${eol}${lines}${eol}${closing}]${text.slice(layout.end)}`;
}

/** One line when the list is written that way and the entry fits, else one key per line. */
function formatEntry(feed: NewFeed, indent: string, oneLine: boolean, eol: string): string {
  const fields = Object.entries(feed)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const inline = `{ ${fields.join(", ")} }`;
  if (oneLine && indent.length + inline.length + 1 <= LINE_WIDTH) return inline;
  return `{${eol}${fields.map((field) => `${indent}  ${field}`).join(`,${eol}`)}${eol}${indent}}`;
}

/** The whitespace that starts the line holding `index`. */
function indentOfLine(text: string, index: number): string {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, index))?.[0] ?? "";
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
