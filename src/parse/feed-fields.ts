import { collapseWhitespace } from "../text/html-to-text.ts";
import { removeUnprintable } from "../text/remove-unprintable.ts";

// Helpers shared by the per-format mappers: each turns one raw field into the shape
// ParsedFeed promises (plain text or null, no e-mails, no empty strings).

/** Matches an e-mail address wherever it sits in a name field. */
const EMAIL = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/** Plain text with whitespace collapsed, or null when missing or blank. */
export function cleanText(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = collapseWhitespace(removeUnprintable(value));
  return text === "" ? null : text;
}

/** An identifier or URL trimmed but otherwise untouched, or null when missing or blank. */
export function cleanToken(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

/** HTML as given, or null when it has no characters but whitespace. */
export function cleanHtml(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * A person's name with every e-mail address removed: `joe@example.org (Joe Bloggs)` and
 * `Joe Bloggs <joe@example.org>` give `Joe Bloggs`; a bare address gives null.
 */
export function cleanAuthorName(value: unknown): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const withoutEmails = text
    .replace(/mailto:/gi, " ")
    .replace(EMAIL, " ")
    .replace(/<\s*>|\(\s*\)|\[\s*\]/g, " ");
  const name = collapseWhitespace(withoutEmails).replace(/^\((.*)\)$/, "$1");
  return cleanText(name);
}

/** The first candidate that yields an author name, or null. */
export function firstAuthorName(candidates: Iterable<unknown>): string | null {
  for (const candidate of candidates) {
    const name = cleanAuthorName(candidate);
    if (name !== null) return name;
  }
  return null;
}

/** Category labels with blanks dropped and repeats (ignoring case) removed, first spelling kept. */
export function uniqueLabels(values: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const value of values) {
    const label = cleanText(value);
    if (label === null || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    labels.push(label);
  }
  return labels;
}

/** The first value that is not null or undefined. */
export function firstPresent<T>(...values: Array<T | null | undefined>): T | null {
  for (const value of values) {
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/**
 * An element's effective xml:base: its own resolved against its parent's when the parent's
 * is absolute; a relative pair stays as written, for normalize to resolve against the feed URL.
 */
export function resolveBase(own: unknown, parent: string | null): string | null {
  const base = cleanToken(own);
  if (base === null) return parent;
  try {
    return parent === null ? new URL(base).href : new URL(base, parent).href;
  } catch {
    return base;
  }
}
