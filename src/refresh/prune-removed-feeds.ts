import type { FeedConfig } from "../config/schema.ts";
import { errorMessage } from "../model/caught-error.ts";
import type { ProgressLog } from "../pipeline/fetch-progress.ts";
import type { FeedCache } from "../store/feed-cache.ts";

/**
 * Deletes the cache files of feeds no longer in feeds.json, saying which. The site is already
 * written when this runs, so a failure here is reported, never fatal: the next build tries again.
 */
export async function pruneRemovedFeeds(
  cache: FeedCache,
  feeds: Pick<FeedConfig, "url">[],
  log: ProgressLog,
): Promise<string[]> {
  try {
    const removed = await cache.prune(feeds.map((feed) => feed.url));
    if (removed.length > 0) {
      log(`Removed from the cache, no longer in the config: ${removed.join(", ")}`);
    }
    return removed;
  } catch (error) {
    log(`Could not prune the cache: ${errorMessage(error)}`, "problem");
    return [];
  }
}
