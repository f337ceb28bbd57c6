import { dirname } from "node:path";
import type { PlanetConfig } from "../config/schema.ts";
import type { SourceHealth } from "../model/source-health.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import { NO_CONTENT } from "../store/feed-record.ts";
import { describeHealth } from "./describe-health.ts";
import { planetSources } from "./planet-sources.ts";
import { updateSources } from "./update-sources.ts";

/** A cache that remembers nothing, so a probe fetches everything afresh and writes nothing. */
const forgetfulCache: FeedCache = {
  readState: async () => ({ state: null, problem: null, content: null }),
  readContent: async () => ({ content: NO_CONTENT, problem: null }),
  write: async () => "",
  writeState: async () => {},
  saveAttempts: async () => [],
  prune: async () => [],
  pathFor: () => "",
};

/** Fetches and reads every feed and event source once, as a build would; each one's health. */
export async function probeFeeds(
  config: PlanetConfig,
  configPath: string,
  now: Date,
): Promise<SourceHealth[]> {
  const sources = planetSources(config, dirname(configPath), now);
  const updated = await updateSources(sources, config, forgetfulCache, { now, offline: false });
  return updated.map(({ source, state }) => describeHealth(source.name, state, now));
}
