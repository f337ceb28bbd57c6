import { XMLValidator } from "fast-xml-parser";
import type { ParseFailure } from "./parse-outcome.ts";

// feedsmith reads truncated and mismatched XML without complaint, so a cut-off download would
// silently lose its last entries. fast-xml-parser's validator catches that, with a position.

/**
 * A bare `&` (as in "Tom & Jerry") is the commonest error in real feeds and feedsmith reads it
 * as meant, so the validator sees it as `_`: same length, so positions stay true.
 */
const BARE_AMPERSAND = /&(?!#\d+;|#x[\da-fA-F]+;|[A-Za-z_]\w{0,19};)/g;

/** How many unclosed elements to name before summing up the rest. */
const MAX_NAMED_TAGS = 5;

/** The first well-formedness error of an XML document, or null when it is well-formed enough. */
export function findXmlError(text: string): ParseFailure | null {
  const result = XMLValidator.validate(text.replace(BARE_AMPERSAND, "_"));
  if (result === true) return null;
  const { msg, line, col } = result.err;
  const unclosed = unclosedTags(msg);
  if (unclosed.length > 0) {
    const end = endPosition(text);
    const shown = unclosed.slice(0, MAX_NAMED_TAGS).map((name) => `<${name}>`);
    const more = unclosed.length - shown.length;
    const names = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
    const verb = unclosed.length === 1 ? "is" : "are";
    return xmlFailure(`the document ends before ${names} ${verb} closed (truncated?)`, end);
  }
  const detail = msg === "Start tag expected." ? "there is no root element" : msg;
  return xmlFailure(detail, { line, column: typeof col === "number" ? col : null });
}

interface Position {
  line: number;
  column: number | null;
}

function xmlFailure(detail: string, at: Position): ParseFailure {
  const where = at.column === null ? `line ${at.line}` : `line ${at.line}, column ${at.column}`;
  return { message: `XML error at ${where}: ${detail}`, line: at.line, column: at.column };
}

/** Tag names the validator reports as never closed ("Unclosed tag 'x'." or "Invalid '["a","b"]' found."). */
function unclosedTags(message: string): string[] {
  const single = /^Unclosed tag '([^']+)'/.exec(message);
  if (single?.[1] !== undefined) return [single[1]];
  if (!message.startsWith("Invalid '[")) return [];
  return [...message.matchAll(/"([^"]+)"/g)].flatMap((match) => match[1] ?? []);
}

/** Line and column just past the last non-blank character: where a truncated document stops. */
function endPosition(text: string): Position {
  const lines = text.trimEnd().split(/\r?\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
