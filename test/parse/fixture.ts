import { readFileSync } from "node:fs";
import type { ParsedFeed } from "../../src/model/parsed-feed.ts";
import { decodeBody } from "../../src/parse/decode-body.ts";
import { parseFeed } from "../../src/parse/parse-feed.ts";

/** The raw bytes of a file in test/fixtures/parse/. */
export function readFixture(name: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url));
}

/** Decodes and parses a fixture as the pipeline would, failing the test if it is not a feed. */
export function parseFixture(name: string, contentType: string | null = null): ParsedFeed {
  const outcome = parseFeed(decodeBody(readFixture(name), contentType));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.message}`);
  return outcome.feed;
}

/** Dates as ISO instants (or null), for readable assertions. */
export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
