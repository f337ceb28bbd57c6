import type { StoredEvent } from "../events/stored-event.ts";
import { errorMessage } from "../model/caught-error.ts";
import type { ListedPost } from "../model/post.ts";
import type { PostContents } from "../model/site.ts";
import type { ProgressLog } from "../pipeline/fetch-progress.ts";
import { contentFileBytes } from "../store/content-bytes.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import {
  type ContentListing,
  fromListedPost,
  listContent,
  pruneListings,
  readPostListing,
  writePostListing,
} from "../store/post-listings.ts";
import type { Source } from "./planet-sources.ts";
import type { UpdatedSource } from "./update-sources.ts";

/** A configured source with its state and the listing of its content. */
export interface ListedSource {
  source: Source;
  state: UpdatedSource["state"];
  posts: ListedPost[];
  events: StoredEvent[];
}

/** Every source's listing, and where its posts' contents are. */
export interface ListedSources {
  sources: ListedSource[];
  contents: PostContents;
}

/**
 * Every source with the listing of its content: the one the cache keeps for its content file
 * (store/post-listings.ts, written with the file), else one made from the content this build read
 * or from its content file, and kept. The contents a keyword filter reads, and those the cache
 * could not keep, are held in `contents`; the rest stay on disk, where their listings say, until
 * a page or feed asks for them. A content file found damaged now is set aside (the next build
 * fetches that source afresh) and leaves the source without posts, with the problem logged.
 */
export async function loadListings(
  updated: readonly UpdatedSource[],
  cache: FeedCache,
  cacheDir: string,
  log: ProgressLog,
): Promise<ListedSources> {
  const used = new Set<string>();
  const contents: PostContents = { cacheDir, locations: new Map(), loaded: new Map() };
  const sources: ListedSource[] = [];
  // A listing that cannot be kept costs the next build a reading of its content file, no more.
  const keepListing = (sha: string, listing: ContentListing) =>
    writePostListing(cacheDir, sha, listing).catch((error: unknown) =>
      log(`cannot keep a post listing in ${cacheDir}: ${errorMessage(error)}`, "problem"),
    );
  for (const { source, state, content } of updated) {
    const sha = state.contentSha256;
    // A filter looking for words reads the posts' text.
    const readsText = (source.filter?.keywords?.length ?? 0) > 0;
    let listing = sha === null ? null : await readPostListing(cacheDir, sha);
    if (listing === null || readsText) {
      const read = content !== null ? { content, problem: null } : await cache.readContent(state);
      if (read.problem !== null) log(`${source.name}: ${read.problem}`, "problem");
      if (read.content === null) {
        sources.push({ source, state, posts: [], events: [] });
        continue;
      }
      // The rest is read again from its content file by the pages that show it: reading a file
      // costs less than sending its posts to the render process whether or not they are shown.
      if (readsText || sha === null) {
        for (const post of read.content.posts) contents.loaded.set(post.key, post.contentHtml);
      }
      if (listing === null) {
        // Its file's bytes, made again, tell where each post's content is in the file.
        const fileBytes = sha === null ? null : contentFileBytes(read.content, sha);
        listing = listContent(read.content, fileBytes);
        if (sha !== null) await keepListing(sha, listing);
      }
    }
    if (sha !== null) {
      used.add(sha);
      const file = { url: state.url, contentSha256: sha };
      for (const post of listing.posts) {
        contents.locations.set(post.key, { file, range: post.contentRange });
      }
    }
    sources.push({
      source,
      state,
      posts: listing.posts.map(fromListedPost),
      events: listing.events,
    });
  }
  await pruneListings(cacheDir, used);
  return { sources, contents };
}
