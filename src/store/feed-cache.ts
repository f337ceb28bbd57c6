import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.ts";
import { contentFileName, hashContent, stateFileName, stateFileSchema } from "./cache-files.ts";
import { type FeedContent, type FeedRecord, feedContentSchema } from "./feed-record.ts";
import { pruneCache } from "./prune-cache.ts";
import { type ReadRecordResult, readCachedRecord } from "./read-cached-record.ts";

export { CORRUPT_SUFFIX } from "./cache-files.ts";
export type { ReadRecordResult } from "./read-cached-record.ts";

/** The per-feed cache files in one directory: a small state file and a content file per feed. */
export interface FeedCache {
  /** Reads a feed's record; never throws for a missing or corrupt file. */
  read(url: string): Promise<ReadRecordResult>;
  /**
   * Saves a feed's record so that a crash at any moment leaves the old record or the new one.
   * Its posts and events are written only when they are not the very arrays last read or written
   * for that URL (refreshRecord keeps them when it parsed nothing new), so a 304 rewrites only
   * the state file. Build changed content as new arrays; never change them in place.
   */
  write(record: FeedRecord): Promise<void>;
  /** Removes the records of every URL not in `keepUrls`; returns the removed URLs, sorted. */
  prune(keepUrls: string[]): Promise<string[]>;
  /** The state file that holds (or would hold) a URL's record, content file aside. */
  pathFor(url: string): string;
}

/** The content a URL's state file points at, as this process last read or wrote it. */
interface KnownContent extends FeedContent {
  contentSha256: string;
}

/** Opens the feed cache in `dir` (created on first write). */
export function openFeedCache(dir: string): FeedCache {
  const pathFor = (url: string): string => join(dir, stateFileName(url));
  const known = new Map<string, KnownContent>();
  return {
    pathFor,
    async read(url) {
      const { record, problem, contentSha256 } = await readCachedRecord(dir, url);
      if (record === null || contentSha256 === null) known.delete(url);
      else known.set(url, { posts: record.posts, events: record.events, contentSha256 });
      return { record, problem };
    },
    async write(record) {
      const previous = known.get(record.url);
      const unchanged = previous?.posts === record.posts && previous.events === record.events;
      // Refuse to write what could not be read back, before writing anything.
      const content = unchanged ? null : serializeContent(record);
      const contentSha256 = content?.sha256 ?? previous?.contentSha256;
      const state = stateFileSchema.parse({ ...record, contentSha256 });
      await mkdir(dir, { recursive: true });
      // Content first: until the state names it, the new file is just a leftover.
      if (content !== null && content.sha256 !== previous?.contentSha256) {
        await writeFileAtomic(
          join(dir, contentFileName(record.url, content.sha256)),
          content.bytes,
        );
      }
      await writeFileAtomic(pathFor(record.url), `${JSON.stringify(state)}\n`);
      if (previous !== undefined && previous.contentSha256 !== state.contentSha256) {
        // A leftover here is harmless, and prune removes it.
        await unlink(join(dir, contentFileName(record.url, previous.contentSha256))).catch(
          () => undefined,
        );
      }
      const { posts, events } = record;
      known.set(record.url, { posts, events, contentSha256: state.contentSha256 });
    },
    prune: (keepUrls) => pruneCache(dir, keepUrls),
  };
}

/** A record's posts and events as a content file's bytes, validated, and their sha256. */
function serializeContent(record: FeedRecord): { bytes: Buffer; sha256: string } {
  const content = feedContentSchema.parse({ posts: record.posts, events: record.events });
  const bytes = Buffer.from(`${JSON.stringify(content)}\n`);
  return { bytes, sha256: hashContent(bytes) };
}
