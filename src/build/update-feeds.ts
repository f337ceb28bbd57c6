import type { FeedConfig, PlanetConfig } from "../config/schema.ts";
import { fetchWithRetry, hostOfUrl, runBounded } from "../fetch/fetch-all.ts";
import { DEFAULT_FETCH_LIMITS } from "../fetch/fetch-feed.ts";
import { userAgentFor } from "../fetch/user-agent.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import { type FeedRecord, newFeedRecord } from "../store/feed-record.ts";
import { refreshRecord } from "./refresh-record.ts";

/** One configured feed after this build's attempt. */
export interface UpdatedFeed {
  feed: FeedConfig;
  record: FeedRecord;
  /** A problem with the cache itself (e.g. a corrupt file that was set aside), or null. */
  cacheProblem: string | null;
}

/** How this build fetches. */
export interface UpdateOptions {
  now: Date;
  offline: boolean;
  /** Progress: called once per feed as it finishes. */
  onFeedDone?: (updated: UpdatedFeed) => void;
}

/**
 * Fetches every feed (unless offline) under the configured limits and deadline, merges what
 * came in with the cache, and saves each record as soon as it is done, so a build killed
 * half-way keeps what it had finished.
 */
export async function updateFeeds(
  config: PlanetConfig,
  cache: FeedCache,
  options: UpdateOptions,
): Promise<UpdatedFeed[]> {
  const settings = config.fetch;
  const deadline = Date.now() + settings.deadlineSeconds * 1000;
  const signal = AbortSignal.timeout(settings.deadlineSeconds * 1000);
  const fetchOptions = {
    userAgent: userAgentFor(config.title, config.link),
    timeoutMs: settings.timeoutSeconds * 1000,
    maxBytes: settings.maxMegabytes * 1024 * 1024,
    maxRedirects: DEFAULT_FETCH_LIMITS.maxRedirects,
    signal,
  };
  const updateOne = async (feed: FeedConfig): Promise<UpdatedFeed> => {
    const stored = await cache.read(feed.url);
    const previous = stored.record ?? newFeedRecord(feed.url);
    if (options.offline) return finish({ feed, record: previous, cacheProblem: stored.problem });
    const result = await fetchWithRetry(
      feed.url,
      { ...fetchOptions, validators: stored.record ? previous.validators : null },
      { retries: 2, baseDelayMs: 1000, deadline, maxDelayMs: 30_000 },
    );
    const record = refreshRecord(previous, result, { feed, now: options.now });
    // A cache that can't be written costs this feed its memory of this run, not the build.
    const cacheProblem = await cache.write(record).then(
      () => stored.problem,
      (error: unknown) =>
        `cannot save to the cache: ${error instanceof Error ? error.message : error}`,
    );
    return finish({ feed, record, cacheProblem });
  };
  const finish = (updated: UpdatedFeed): UpdatedFeed => {
    options.onFeedDone?.(updated);
    return updated;
  };
  return runBounded(config.feeds, (feed) => hostOfUrl(feed.url), updateOne, settings);
}
