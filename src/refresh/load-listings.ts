import type { StoredEvent } from "../events/stored-event.ts";
import { errorMessage } from "../model/caught-error.ts";
import type { ListedPost } from "../model/post.ts";
import type { PostContents } from "../model/site.ts";
import type { ProgressLog } from "../pipeline/fetch-progress.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import { NO_CONTENT } from "../store/feed-record.ts";
import {
  type ContentListing,
  fromListedPost,
  listContent,
  readPostListings,
  writePostListings,
} from "../store/post-listings-file.ts";
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
 * Every source with the listing of its content: from the listings the cache keeps by content hash,
 * else from the content this build read, else from its content file. Contents this build holds
 * anyway (fresh ones, and those a keyword filter reads) are kept in `contents`; the rest stay on
 * disk until a page or feed asks for them. A content file found damaged now is set aside (the
 * next build fetches that source afresh) and leaves the source without posts, with the problem
 * logged.
 */
export async function loadListings(
  updated: readonly UpdatedSource[],
  cache: FeedCache,
  cacheDir: string,
  log: ProgressLog,
): Promise<ListedSources> {
  const kept = await readPostListings(cacheDir);
  const listings = new Map<string, ContentListing>();
  const contents: PostContents = { cacheDir, files: new Map(), loaded: new Map() };
  const sources: ListedSource[] = [];
  for (const { source, state, content } of updated) {
    const sha = state.contentSha256;
    // A filter looking for words reads the posts' text.
    const readsText = (source.filter?.keywords?.length ?? 0) > 0;
    let listing = sha === null || readsText ? undefined : kept.get(sha);
    if (listing === undefined) {
      const read = content !== null ? { content, problem: null } : await cache.readContent(state);
      if (read.problem !== null) log(`${source.name}: ${read.problem}`, "problem");
      const held = read.content ?? NO_CONTENT;
      if (content !== null || readsText) {
        for (const post of held.posts) contents.loaded.set(post.key, post.contentHtml);
      }
      listing = listContent(held);
      if (read.content === null) {
        sources.push({ source, state, posts: [], events: [] });
        continue;
      }
    }
    if (sha !== null) {
      listings.set(sha, listing);
      for (const post of listing.posts) {
        contents.files.set(post.feedUrl, { url: state.url, contentSha256: sha });
      }
    }
    sources.push({
      source,
      state,
      posts: listing.posts.map(fromListedPost),
      events: listing.events,
    });
  }
  if (listings.size !== kept.size || [...listings.keys()].some((sha) => !kept.has(sha))) {
    await writePostListings(cacheDir, listings).catch((error: unknown) =>
      log(`cannot keep the post listings in ${cacheDir}: ${errorMessage(error)}`, "problem"),
    );
  }
  return { sources, contents };
}
