import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errnoCode } from "../model/caught-error.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import {
  type SanitizedContent,
  type SanitizeOptions,
  sanitizeBoundedContent,
} from "./sanitize-content.ts";

// A changed feed is mostly the entries it held last time. Sanitizing is most of what reading a
// feed costs, so an entry whose input the last run already sanitized takes that run's output.

/** Content sanitized by an earlier run, by the digest of what made it (sanitizedInputDigest). */
export type EarlierContent = ReadonlyMap<string, SanitizedContent>;

/** Sanitized content and the digest of its input, for the next run to look it up by. */
export interface TracedContent extends SanitizedContent {
  /** sha256 (hex) of the sanitizer's input and code: see sanitizedInputDigest. */
  input: string;
}

/**
 * sanitizeBoundedContent, unless `earlier` holds the output of the very same input and
 * sanitizer code: then that output, as it was.
 */
export function sanitizeOnce(
  html: string,
  baseUrl: string | null,
  options: SanitizeOptions,
  earlier: EarlierContent,
): TracedContent {
  const input = sanitizedInputDigest(html, baseUrl, options);
  const known = earlier.get(input);
  if (known !== undefined) return { html: known.html, shortened: known.shortened, input };
  return { ...sanitizeBoundedContent(html, baseUrl, options), input };
}

/**
 * The digest of all that sanitizeBoundedContent's output depends on: its arguments, and the
 * code that sanitizes (sanitizerCode). Content sanitized by other code is sanitized again.
 */
export function sanitizedInputDigest(
  html: string,
  baseUrl: string | null,
  options: SanitizeOptions,
): string {
  const settings = [
    sanitizerCode(),
    baseUrl,
    options.embeds ?? "iframe",
    options.originalUrl ?? null,
  ];
  // The JSON holds no raw newline, so the HTML after it cannot be mistaken for part of it.
  return createHash("sha256")
    .update(`${JSON.stringify(settings)}\n`)
    .update(html)
    .digest("hex");
}

let codeDigest: string | null = null;

/**
 * A digest of the sanitizer's code: this folder, the text helpers it uses and the lock file
 * (sanitize-html's version and its parser's). Read once per process, on first use: some 30 KB
 * of source and the lock file.
 */
export function sanitizerCode(): string {
  if (codeDigest !== null) return codeDigest;
  const hash = createHash("sha256");
  for (const folder of ["src/sanitize", "src/text"]) {
    const dir = join(PROJECT_ROOT, folder);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".ts")) continue;
      hash.update(`\n${folder}/${name}\n`);
      hash.update(readFileSync(join(dir, name)));
    }
  }
  hash.update(readLockFile());
  codeDigest = hash.digest("hex");
  return codeDigest;
}

/** The lock file's bytes; none where the project was installed without one. */
function readLockFile(): Uint8Array {
  try {
    return readFileSync(join(PROJECT_ROOT, "package-lock.json"));
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return new Uint8Array(0);
    throw error;
  }
}
