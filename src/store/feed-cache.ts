import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { writeFileAtomic } from "./atomic-write.ts";
import { contentFileName, stateFileName, stateFileSchema } from "./cache-files.ts";
import { type SerializedContent, serializeContent } from "./content-bytes.ts";
import {
  CACHE_VERSION,
  type FeedContent,
  type FeedRecord,
  NO_CONTENT,
  type SourceState,
  summarizeContent,
} from "./feed-record.ts";
import { listContent, writePostListing } from "./post-listings.ts";
import { pruneCache } from "./prune-cache.ts";
import {
  type CachedContent,
  type CachedState,
  readCachedContent,
  readCachedState,
} from "./read-cached-record.ts";

export { CORRUPT_SUFFIX } from "./cache-files.ts";
export type { CachedContent, CachedState } from "./read-cached-record.ts";

/** The per-feed cache files in one directory: a small state file and a content file per feed. */
export interface FeedCache {
  /** Reads a feed's state alone, its content left on disk; never throws. */
  readState(url: string): Promise<CachedState>;
  /** Reads the content a state points at (empty when it points at none); never throws. */
  readContent(state: SourceState): Promise<CachedContent>;
  /**
   * Saves a feed's record so that a crash at any moment leaves the old record or the new one,
   * and returns the sha256 of its content file. The content file (and its listing) is written
   * only when its bytes differ from the one the state last read or written for that URL names.
   */
  write(record: FeedRecord): Promise<string>;
  /** Saves a feed's state; the content file it names stays as it is. */
  writeState(state: SourceState): Promise<void>;
  /** Removes the records of every URL not in `keepUrls`; returns the removed URLs, sorted. */
  prune(keepUrls: string[]): Promise<string[]>;
  /** The state file that holds (or would hold) a URL's record, content file aside. */
  pathFor(url: string): string;
}

/** The content file a URL's state points at, and its content when this process holds it. */
interface KnownContent {
  contentSha256: string | null;
  content: FeedContent | null;
}

type StateFile = z.infer<typeof stateFileSchema>;

/** A state file's contents, validated. */
function stateFile(state: SourceState): StateFile {
  return stateFileSchema.parse({ ...state, version: CACHE_VERSION });
}

/** Opens the feed cache in `dir` (created on first write). */
export function openFeedCache(dir: string): FeedCache {
  const pathFor = (url: string): string => join(dir, stateFileName(url));
  const known = new Map<string, KnownContent>();
  // Made once, on the first write: every feed's state is written on every build.
  let made: Promise<unknown> | null = null;
  const makeDir = () => {
    made ??= mkdir(dir, { recursive: true }).catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };

  /**
   * Writes a content file, and its listing while its bytes are at hand, unless it is already the
   * one the state names.
   */
  const saveContent = async (url: string, content: SerializedContent): Promise<void> => {
    if (content.sha256 === known.get(url)?.contentSha256) return;
    await makeDir();
    // Content first: until the state names it, the new file is just a leftover.
    await writeFileAtomic(join(dir, contentFileName(url, content.sha256)), content.bytes);
    // Derived data: a listing not kept here is made again by the build that misses it
    // (refresh/load-listings.ts), which reports why it cannot keep one.
    const listing = listContent(content.content, content.bytes);
    await writePostListing(dir, content.sha256, listing).catch(() => undefined);
  };

  const saveState = async (file: StateFile): Promise<void> => {
    await makeDir();
    const previous = known.get(file.url)?.contentSha256;
    // A state naming the content file it named before records just another attempt: losing it
    // to a crash loses that attempt, so its rename need not wait for the disk (~0.1 ms of
    // CPU and a sync per source, in a build where most sources answer 304).
    const durable = previous !== file.contentSha256;
    await writeFileAtomic(pathFor(file.url), `${JSON.stringify(file)}\n`, { durable });
    if (previous != null && previous !== file.contentSha256) {
      // A leftover here is harmless, and prune removes it.
      await unlink(join(dir, contentFileName(file.url, previous))).catch(() => undefined);
    }
  };

  return {
    pathFor,
    async readState(url) {
      const read = await readCachedState(dir, url);
      if (read.state === null) known.delete(url);
      else known.set(url, { contentSha256: read.state.contentSha256, content: read.content });
      return read;
    },
    async readContent(state) {
      if (state.contentSha256 === null) {
        return { content: known.get(state.url)?.content ?? NO_CONTENT, problem: null };
      }
      const { url, contentSha256 } = state;
      return readCachedContent(dir, { url, contentSha256 });
    },
    async write(record) {
      const { posts, events, version: _version, ...fields } = record;
      // Refuse to write what could not be read back, before writing anything.
      const content = serializeContent({ posts, events });
      const contentSha256 = content.sha256;
      const file = stateFile({ ...fields, summary: summarizeContent(record), contentSha256 });
      await saveContent(record.url, content);
      await saveState(file);
      known.set(record.url, { contentSha256: file.contentSha256, content: { posts, events } });
      return file.contentSha256;
    },
    async writeState(state) {
      const held = known.get(state.url)?.content ?? null;
      // No content file yet (never fetched, or a version 1 record): write what is held.
      const content = state.contentSha256 === null ? serializeContent(held ?? NO_CONTENT) : null;
      const file = stateFile({ ...state, contentSha256: content?.sha256 ?? state.contentSha256 });
      if (content !== null) await saveContent(state.url, content);
      await saveState(file);
      known.set(state.url, { contentSha256: file.contentSha256, content: held });
    },
    prune: (keepUrls) => pruneCache(dir, keepUrls),
  };
}
