import * as z from "zod";
import { storedEventSchema } from "../events/stored-event.ts";
import { sha256Hex } from "../text/sha256.ts";
import {
  CACHE_VERSION,
  contentSummarySchema,
  type FeedRecord,
  feedStateSchema,
  sha256HexSchema,
  storedPostSchema,
} from "./feed-record.ts";

// The cache holds two files per source, named from a hash of its URL (its "cache key"):
// `<key>.json`, the state, small and rewritten after an attempt that changes it (one that
// changes only when the source last answered goes to the attempt journal instead), and
// `<key>.<content hash>.content.json`, its posts and events, written only when they change.
// The content file is named by its own hash so that a new one is written beside the old one
// and the state switched over afterwards: a crash between leaves the state pointing at an
// intact file either way.

/** A state file: the record without its posts and events, and which content file holds them. */
export const stateFileSchema = feedStateSchema.extend({
  version: z.literal(CACHE_VERSION),
  /** sha256 of the bytes of the content file that holds the posts and events. */
  contentSha256: sha256HexSchema,
  /** What the content file holds, in brief; absent from files written before it was kept. */
  summary: contentSummarySchema.optional(),
});

/** A whole record in one file, as version 1 wrote it (read to migrate, never written). */
const legacyRecordFileSchema = feedStateSchema.extend({
  version: z.literal(1),
  // Absent from records written before these fields existed.
  advertisedFeeds: z.array(z.string()).default([]),
  posts: z.array(storedPostSchema),
  events: z.array(storedEventSchema).default([]),
});

/** What may be found at a state file's name: a state, or a whole record of version 1. */
export const stateOrLegacyFileSchema = z.discriminatedUnion("version", [
  stateFileSchema,
  legacyRecordFileSchema,
]);

/** A version 1 record file, upgraded to today's record. */
export function recordFromLegacyFile(legacy: z.infer<typeof legacyRecordFileSchema>): FeedRecord {
  return { ...legacy, version: CACHE_VERSION };
}

/** The state file name for a URL: any URL becomes a short, safe name. */
export function stateFileName(url: string): string {
  return `${cacheKeyOf(url)}.json`;
}

/** The name of the content file of `url` whose bytes hash to `contentSha256`. */
export function contentFileName(url: string, contentSha256: string): string {
  return `${cacheKeyOf(url)}.${contentSha256.slice(0, 16)}.content.json`;
}

/** The sha256 (hex) of a content file's bytes. */
export function hashContent(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

/** Suffix given to a corrupt file moved aside, kept for the owner to look at. */
export const CORRUPT_SUFFIX = ".corrupt";

const STATE_FILE = /^([0-9a-f]{16})\.json$/;
const CONTENT_FILE = /^([0-9a-f]{16})\.[0-9a-f]{16}\.content\.json$/;

/** What a file in the cache directory is, by its name. */
export type CacheFileKind = "state" | "content" | "corrupt";

/** The cache key and kind of a state or content file (or one set aside), or null for any other. */
export function describeCacheFile(name: string): { key: string; kind: CacheFileKind } | null {
  const corrupt = name.endsWith(CORRUPT_SUFFIX);
  const base = corrupt ? name.slice(0, -CORRUPT_SUFFIX.length) : name;
  const state = STATE_FILE.exec(base);
  const content = state === null ? CONTENT_FILE.exec(base) : null;
  const key = state?.[1] ?? content?.[1];
  if (key === undefined) return null;
  return { key, kind: corrupt ? "corrupt" : state !== null ? "state" : "content" };
}

/** A URL's cache key: the first 16 hex digits of the URL's sha256. */
export function cacheKeyOf(url: string): string {
  return sha256Hex(url, 16);
}
