import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { errorMessage } from "../model/caught-error.ts";
import { sha256Hex } from "../text/sha256.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { type AttemptJournal, openAttemptJournal } from "./attempt-journal.ts";
import { bookkeepingAttemptBetween, withAttempts } from "./bookkeeping-attempt.ts";
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

/**
 * The per-feed cache files in one directory: a small state file and a content file per feed, and
 * one journal of the attempts that changed nothing but when a feed last answered.
 */
export interface FeedCache {
  /**
   * Reads a feed's state alone, with its journaled attempts, its content left on disk; never
   * throws.
   */
  readState(url: string): Promise<CachedState>;
  /** Reads the content a state points at (empty when it points at none); never throws. */
  readContent(state: SourceState): Promise<CachedContent>;
  /**
   * Saves a feed's record so that a crash at any moment leaves the old record or the new one,
   * and returns the sha256 of its content file. The content file (and its listing) is written
   * only when its bytes differ from the one the state last read or written for that URL names.
   */
  write(record: FeedRecord): Promise<string>;
  /**
   * Saves a feed's state; the content file it names stays as it is. A state that differs from
   * the one read only by a successful attempt is journaled instead (see saveAttempts).
   */
  writeState(state: SourceState): Promise<void>;
  /**
   * Writes the journal of attempts, once the attempts of a build are done: until then a crash
   * loses them (the states stay whole). Returns problems to report: a journal found damaged
   * (ignored) or one that could not be written.
   */
  saveAttempts(): Promise<string[]>;
  /**
   * Removes the records (and journaled attempts) of every URL not in `keepUrls`; returns the
   * removed URLs, sorted.
   */
  prune(keepUrls: string[]): Promise<string[]>;
  /** The state file that holds (or would hold) a URL's record, content file aside. */
  pathFor(url: string): string;
}

/** What this process knows of a URL's cache files. */
interface KnownSource {
  /** Its state as last read (with its journaled attempts) or written. */
  state: SourceState;
  /** Its content, when this process holds it. */
  content: FeedContent | null;
  /** sha256 of its state file's bytes, when attempts may be journaled after it; else null. */
  stateFileSha256: string | null;
}

type StateFile = z.infer<typeof stateFileSchema>;

/** A state file's contents, validated. */
function stateFile(state: SourceState): StateFile {
  return stateFileSchema.parse({ ...state, version: CACHE_VERSION });
}

/** Opens the feed cache in `dir` (created on first write). */
export function openFeedCache(dir: string): FeedCache {
  const pathFor = (url: string): string => join(dir, stateFileName(url));
  const known = new Map<string, KnownSource>();
  let journal: Promise<AttemptJournal> | null = null;
  const attempts = () => {
    journal ??= openAttemptJournal(dir);
    return journal;
  };
  // Made once, on the first write.
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
    if (content.sha256 === known.get(url)?.state.contentSha256) return;
    await makeDir();
    // Content first: until the state names it, the new file is just a leftover.
    await writeFileAtomic(join(dir, contentFileName(url, content.sha256)), content.bytes);
    // Derived data: a listing not kept here is made again by the build that misses it
    // (refresh/load-listings.ts), which reports why it cannot keep one.
    const listing = listContent(content.content, content.bytes);
    await writePostListing(dir, content.sha256, listing).catch(() => undefined);
  };

  /**
   * Writes a state file and remembers what it holds. The state holds the attempts journaled
   * since the file was last written (it was read with them), so they leave the journal.
   */
  const saveState = async (
    state: SourceState,
    file: StateFile,
    content: FeedContent | null,
  ): Promise<void> => {
    await makeDir();
    const previous = known.get(file.url)?.state.contentSha256;
    // A state naming the content file it named before records an attempt (its error, new
    // validators), not content: losing it to a crash loses that attempt's record, and the old
    // state is still whole, so its rename need not wait for the disk.
    const durable = previous !== file.contentSha256;
    const bytes = `${JSON.stringify(file)}\n`;
    await writeFileAtomic(pathFor(file.url), bytes, { durable });
    (await attempts()).drop(file.url);
    known.set(file.url, { state, content, stateFileSha256: sha256Hex(bytes) });
    if (previous != null && previous !== file.contentSha256) {
      // A leftover here is harmless, and prune removes it.
      await unlink(join(dir, contentFileName(file.url, previous))).catch(() => undefined);
    }
  };

  /** Journals the attempt that took the state read to `state`, when that is all it did. */
  const journalAttempt = async (state: SourceState): Promise<boolean> => {
    const read = known.get(state.url);
    if (read?.stateFileSha256 == null) return false;
    const attempt = bookkeepingAttemptBetween(read.state, state);
    if (attempt === null) return false;
    (await attempts()).add(state.url, read.stateFileSha256, attempt);
    known.set(state.url, { ...read, state });
    return true;
  };

  return {
    pathFor,
    async readState(url) {
      const [{ stateFileSha256, ...read }, journaled] = await Promise.all([
        readCachedState(dir, url),
        attempts(),
      ]);
      const pending = journaled.pendingFor(url, stateFileSha256);
      if (read.state === null) {
        known.delete(url);
        return read;
      }
      const state = withAttempts(read.state, pending);
      known.set(url, { state, content: read.content, stateFileSha256 });
      return { ...read, state };
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
      const state = { ...fields, summary: summarizeContent(record), contentSha256: content.sha256 };
      const file = stateFile(state);
      await saveContent(record.url, content);
      await saveState(state, file, { posts, events });
      return file.contentSha256;
    },
    async writeState(state) {
      if (await journalAttempt(state)) return;
      const held = known.get(state.url)?.content ?? null;
      // No content file yet (never fetched, or a version 1 record): write what is held.
      const content = state.contentSha256 === null ? serializeContent(held ?? NO_CONTENT) : null;
      const saved = { ...state, contentSha256: content?.sha256 ?? state.contentSha256 };
      const file = stateFile(saved);
      if (content !== null) await saveContent(state.url, content);
      await saveState(saved, file, held);
    },
    async saveAttempts() {
      if (journal === null) return [];
      const journaled = await journal;
      const problems = journaled.problem === null ? [] : [journaled.problem];
      try {
        await journaled.save();
      } catch (error) {
        problems.push(`cannot save the attempt journal in ${dir}: ${errorMessage(error)}`);
      }
      return problems;
    },
    async prune(keepUrls) {
      const removed = await pruneCache(dir, keepUrls);
      const journaled = await attempts();
      journaled.keepOnly(keepUrls);
      await journaled.save();
      return removed;
    },
  };
}
