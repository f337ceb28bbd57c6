import type { PlanetConfig } from "../config/schema.ts";
import type { SourceHealth } from "../model/source-health.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import { newFeedRecord } from "../store/feed-record.ts";
import { describeHealth } from "./describe-health.ts";
import { updateFeeds } from "./update-feeds.ts";

/** A cache that remembers nothing, so a probe fetches everything afresh and writes nothing. */
const forgetfulCache: FeedCache = {
  read: async (url) => ({ record: newFeedRecord(url), problem: null }),
  write: async () => {},
  prune: async () => [],
  pathFor: () => "",
};

/** Fetches and parses every feed once, as a build would, and reports each one's health. */
export async function probeFeeds(config: PlanetConfig, now: Date): Promise<SourceHealth[]> {
  const feeds = await updateFeeds(config, forgetfulCache, { now, offline: false });
  return feeds.map(({ feed, record }) => describeHealth(feed.name, record, now));
}
