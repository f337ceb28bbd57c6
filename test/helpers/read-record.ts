import type { FeedCache } from "../../src/store/feed-cache.ts";
import { type FeedRecord, recordOf } from "../../src/store/feed-record.ts";

/** A feed's whole record, or why there is none. */
export interface ReadRecord {
  /** The record, or null when missing or unusable. */
  record: FeedRecord | null;
  /** Why an existing file could not be used (it has been moved aside), or null. */
  problem: string | null;
}

/**
 * A feed's record read as a build reads it when a new body comes in: its state, then the content
 * file that state names (unless reading the state took reading the content already).
 */
export async function readRecord(cache: FeedCache, url: string): Promise<ReadRecord> {
  const read = await cache.readState(url);
  if (read.state === null) return { record: null, problem: read.problem };
  const { content, problem } =
    read.content === null
      ? await cache.readContent(read.state)
      : { content: read.content, problem: null };
  if (content === null) return { record: null, problem };
  return { record: recordOf(read.state, content), problem: null };
}
