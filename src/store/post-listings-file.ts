import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { storedEventSchema } from "../events/stored-event.ts";
import { contentDigestOf, type ListedPost } from "../model/post.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { type FeedContent, sha256HexSchema, storedDates, storedPostSchema } from "./feed-record.ts";

// The listing of every content file in the cache, by the file's sha256: its posts without their
// content, and its events. Laying the site out takes every post's date and digest but only the
// contents of the pages being written, so a build reads this one file instead of every content
// file. Derived data keyed by the content's own hash, so it cannot be stale; losing it costs one
// reading of the content files.

const listedPostSchema = storedPostSchema
  .omit({ contentHtml: true })
  .extend({ contentDigest: sha256HexSchema });

const contentListingSchema = z.object({
  posts: z.array(listedPostSchema),
  events: z.array(storedEventSchema),
});

const listingsFileSchema = z.object({
  version: z.literal(1),
  listings: z.record(sha256HexSchema, contentListingSchema),
});

/** What one content file holds, but the posts' contents, as kept in the listings file. */
export type ContentListing = z.infer<typeof contentListingSchema>;

const listingsPath = (cacheDir: string): string => join(cacheDir, "post-listings.json");

/** The listing of a content file's posts and events. */
export function listContent(content: FeedContent): ContentListing {
  return {
    posts: content.posts.map((stored) => {
      const { contentHtml: _contentHtml, ...fields } = stored;
      return { ...fields, contentDigest: contentDigestOf(stored.contentHtml) };
    }),
    events: content.events,
  };
}

/** A listed post as the site holds it (ISO strings back to Dates). */
export function fromListedPost(listed: ContentListing["posts"][number]): ListedPost {
  return { ...listed, ...storedDates(listed), categories: [...listed.categories] };
}

/** The listings the last build kept, by content sha256; none when missing or unreadable. */
export async function readPostListings(cacheDir: string): Promise<Map<string, ContentListing>> {
  const text = await readFile(listingsPath(cacheDir), "utf8").catch(() => null);
  if (text === null) return new Map();
  try {
    const parsed = listingsFileSchema.safeParse(JSON.parse(text));
    return new Map(parsed.success ? Object.entries(parsed.data.listings) : []);
  } catch {
    return new Map();
  }
}

/** Keeps `listings` (by content sha256) for the next build, in place of the last ones. */
export async function writePostListings(
  cacheDir: string,
  listings: ReadonlyMap<string, ContentListing>,
): Promise<void> {
  const file: z.infer<typeof listingsFileSchema> = {
    version: 1,
    listings: Object.fromEntries(listings),
  };
  await writeFileAtomic(listingsPath(cacheDir), `${JSON.stringify(file)}\n`);
}
