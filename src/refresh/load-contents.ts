import type { ProgressLog } from "../pipeline/fetch-progress.ts";
import type { LoadedSource } from "../select/assemble-site.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import { NO_CONTENT } from "../store/feed-record.ts";
import type { UpdatedSource } from "./update-sources.ts";

/**
 * Every source with its content: what this build read, else its content file in the cache. A
 * content file found damaged now is set aside (the next build fetches that source afresh) and
 * leaves the source without posts in this build, with the problem logged.
 */
export async function loadContents(
  updated: readonly UpdatedSource[],
  cache: FeedCache,
  log: ProgressLog,
): Promise<LoadedSource[]> {
  const loaded: LoadedSource[] = [];
  for (const { source, state, content } of updated) {
    if (content !== null) {
      loaded.push({ source, state, content });
      continue;
    }
    const read = await cache.readContent(state);
    if (read.problem !== null) log(`${source.name}: ${read.problem}`, "problem");
    loaded.push({ source, state, content: read.content ?? NO_CONTENT });
  }
  return loaded;
}
