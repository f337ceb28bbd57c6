import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { storedEventSchema } from "../events/stored-event.ts";
import { contentDigestOf, type ListedPost, shownDigest } from "../model/post.ts";
import type { ByteRange } from "../model/site.ts";
import { findContentRanges } from "./content-bytes.ts";
import { type FeedContent, sha256HexSchema, storedDates, storedPostSchema } from "./feed-record.ts";
import { readJsonFile } from "./read-json-file.ts";

// The listing of each content file in the cache, kept in `listings/<its sha256>.json`: its posts
// without their content but with where it is in the file, and its events. Laying the site out
// takes every post's date and digest but only the contents of the pages being written, so a build
// reads these small files instead of every content file, and writes only those of the contents
// that changed. The store writes one with each content file; derived data named by the content's
// own hash, so it cannot be stale, and a lost or damaged one is made again from its content file.

const byteRangeSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}) satisfies z.ZodType<ByteRange>;

// What made a post's content is the refresh's business: it would only make pages look changed.
// Where the content is in its file lets a page read just that (store/read-post-contents.ts); null
// when the file's bytes were not at hand. Listings written before it was kept lack the field, do
// not parse, and are made again; so do those written before posts' digests were kept.
const listedPostSchema = storedPostSchema.omit({ contentHtml: true, sanitized: true }).extend({
  contentDigest: sha256HexSchema,
  digest: sha256HexSchema,
  contentRange: byteRangeSchema.nullable(),
});

const contentListingSchema = z.object({
  posts: z.array(listedPostSchema),
  events: z.array(storedEventSchema),
});

/** What one content file holds, but the posts' contents, as kept in its listing. */
export type ContentListing = z.infer<typeof contentListingSchema>;

const listingsDir = (cacheDir: string): string => join(cacheDir, "listings");
const listingPath = (cacheDir: string, contentSha256: string): string =>
  join(listingsDir(cacheDir), `${contentSha256}.json`);

/**
 * The listing of a content file's posts and events; `fileBytes`, the file's bytes when at hand,
 * tell where each post's content is in it.
 */
export function listContent(content: FeedContent, fileBytes: Buffer | null): ContentListing {
  const ranges = fileBytes === null ? [] : findContentRanges(fileBytes, content.posts.length);
  return {
    posts: content.posts.map((stored, index) => {
      const { contentHtml: _contentHtml, sanitized: _sanitized, ...fields } = stored;
      const contentDigest = contentDigestOf(stored.contentHtml);
      const digest = shownDigest({ ...fields, ...storedDates(fields), contentDigest });
      return { ...fields, contentDigest, digest, contentRange: ranges[index] ?? null };
    }),
    events: content.events,
  };
}

/** A listed post as the site holds it (ISO strings back to Dates; where its content is aside). */
export function fromListedPost(listed: ContentListing["posts"][number]): ListedPost {
  const { contentRange: _contentRange, ...fields } = listed;
  return { ...fields, ...storedDates(listed), categories: [...listed.categories] };
}

/** The kept listing of the content file whose sha256 is `contentSha256`, or null if none is usable. */
export async function readPostListing(
  cacheDir: string,
  contentSha256: string,
): Promise<ContentListing | null> {
  return readJsonFile(listingPath(cacheDir, contentSha256), contentListingSchema);
}

/**
 * Keeps the listing of a content file. Written without fsync: a file a crash leaves torn does
 * not parse, and is made again.
 */
export async function writePostListing(
  cacheDir: string,
  contentSha256: string,
  listing: ContentListing,
): Promise<void> {
  await mkdir(listingsDir(cacheDir), { recursive: true });
  await writeFile(listingPath(cacheDir, contentSha256), `${JSON.stringify(listing)}\n`);
}

/** Removes the kept listings of every content file but those in `used` (by sha256). */
export async function pruneListings(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(listingsDir(cacheDir)).catch(() => []);
  for (const name of names) {
    if (!used.has(name.replace(/\.json$/, ""))) {
      await rm(join(listingsDir(cacheDir), name), { force: true });
    }
  }
}
