import type { ParsedFeed } from "../model/parsed-feed.ts";

/** Why a document could not be read as a feed, worded for the site owner. */
export interface ParseFailure {
  /** E.g. "not a feed: looks like an HTML page" or "XML error at line 12, column 5: …". */
  message: string;
  /** 1-based line of the problem, when it has one. */
  line: number | null;
  /** 1-based column of the problem, when it has one. */
  column: number | null;
}

/** The result of parsing one document: a feed, or a failure value (never a thrown error). */
export type ParseOutcome = { ok: true; feed: ParsedFeed } | { ok: false; error: ParseFailure };

/** A failure outcome, with the position (if any) already in the message. */
export function parseFailure(
  message: string,
  line: number | null = null,
  column: number | null = null,
): ParseOutcome {
  return { ok: false, error: { message, line, column } };
}
