import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { storedEventSchema } from "../events/stored-event.ts";
import { contentDigestOf, type ListedPost } from "../model/post.ts";
import { type FeedContent, sha256HexSchema, storedDates, storedPostSchema } from "./feed-record.ts";
import { readJsonFile } from "./read-json-file.ts";

// The listing of each content file in the cache, kept in `listings/<its sha256>.json`: its posts
// without their content, and its events. Laying the site out takes every post's date and digest
// but only the contents of the pages being written, so a build reads these small files instead of
// every content file, and writes only those of the contents that changed. Derived data named by
// the content's own hash, so it cannot be stale; a lost or damaged one is made again from its
// content file.

// What made a post's content is the refresh's business: it would only make pages look changed.
const listedPostSchema = storedPostSchema
  .omit({ contentHtml: true, sanitized: true })
  .extend({ contentDigest: sha256HexSchema });

const contentListingSchema = z.object({
  posts: z.array(listedPostSchema),
  events: z.array(storedEventSchema),
});

/** What one content file holds, but the posts' contents, as kept in its listing. */
export type ContentListing = z.infer<typeof contentListingSchema>;

const listingsDir = (cacheDir: string): string => join(cacheDir, "listings");
const listingPath = (cacheDir: string, contentSha256: string): string =>
  join(listingsDir(cacheDir), `${contentSha256}.json`);

/** The listing of a content file's posts and events. */
export function listContent(content: FeedContent): ContentListing {
  return {
    posts: content.posts.map((stored) => {
      const { contentHtml: _contentHtml, sanitized: _sanitized, ...fields } = stored;
      return { ...fields, contentDigest: contentDigestOf(stored.contentHtml) };
    }),
    events: content.events,
  };
}

/** A listed post as the site holds it (ISO strings back to Dates). */
export function fromListedPost(listed: ContentListing["posts"][number]): ListedPost {
  return { ...listed, ...storedDates(listed), categories: [...listed.categories] };
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
