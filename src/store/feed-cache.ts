import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { TEMP_SUFFIX, writeFileAtomic } from "./atomic-write.ts";
import { type FeedRecord, feedRecordSchema } from "./feed-record.ts";

/** The record read for a URL, or why there is none. */
export interface ReadRecordResult {
  /** The record, or null when missing or unusable. */
  record: FeedRecord | null;
  /** Why an existing file could not be used (it has been moved aside), or null. */
  problem: string | null;
}

/** The per-feed cache files in one directory. */
export interface FeedCache {
  /** Reads a feed's record; never throws for a missing or corrupt file. */
  read(url: string): Promise<ReadRecordResult>;
  /** Replaces a feed's record atomically. */
  write(record: FeedRecord): Promise<void>;
  /** Removes the records of every URL not in `keepUrls`; returns the removed URLs, sorted. */
  prune(keepUrls: string[]): Promise<string[]>;
  /** The file that holds (or would hold) a URL's record. */
  pathFor(url: string): string;
}

/** Suffix given to a corrupt file moved aside, kept for the owner to look at. */
export const CORRUPT_SUFFIX = ".corrupt";

const RECORD_FILE = /^[0-9a-f]{16}\.json$/;
/** Temp files this old are leftovers of a killed writer, not a write in progress. */
const LEFTOVER_TEMP_MS = 10 * 60 * 1000;

/** The cache file name for a URL: any URL becomes a short, safe name. */
export function recordFileName(url: string): string {
  return `${createHash("sha256").update(url).digest("hex").slice(0, 16)}.json`;
}

/** Opens the feed cache in `dir` (created on first write). */
export function openFeedCache(dir: string): FeedCache {
  const pathFor = (url: string): string => join(dir, recordFileName(url));
  return {
    pathFor,
    read: (url) => readRecord(pathFor(url), url),
    async write(record) {
      // Refuse to write what could not be read back.
      const valid = feedRecordSchema.parse(record);
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(pathFor(record.url), `${JSON.stringify(valid)}\n`);
    },
    prune: (keepUrls) => pruneRecords(dir, keepUrls),
  };
}

async function readRecord(path: string, url: string): Promise<ReadRecordResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { record: null, problem: null };
    return { record: null, problem: `unreadable cache file ${path}: ${messageOf(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return setAside(path, `invalid JSON (${messageOf(error)})`);
  }
  const parsed = feedRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return setAside(path, `not a feed record (${where}${issue?.message ?? "invalid"})`);
  }
  if (parsed.data.url !== url) return setAside(path, `holds the record of ${parsed.data.url}`);
  return { record: parsed.data, problem: null };
}

async function setAside(path: string, reason: string): Promise<ReadRecordResult> {
  const aside = `${path}${CORRUPT_SUFFIX}`;
  const moved = await rename(path, aside).then(
    () => `; kept as ${aside}`,
    () => "",
  );
  return { record: null, problem: `corrupt cache file ${path}: ${reason}${moved}` };
}

async function pruneRecords(dir: string, keepUrls: string[]): Promise<string[]> {
  const keep = new Set(keepUrls.map(recordFileName));
  const names = await readdir(dir).catch((error: unknown) => {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  });
  const removed: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const recordName = name.endsWith(CORRUPT_SUFFIX) ? name.slice(0, -CORRUPT_SUFFIX.length) : name;
    if (RECORD_FILE.test(recordName) && !keep.has(recordName)) {
      const url = name === recordName ? await urlInFile(path) : null;
      await unlink(path).catch(() => undefined);
      if (url !== null) removed.push(url);
    } else if (name.endsWith(TEMP_SUFFIX) && (await isOlderThan(path, LEFTOVER_TEMP_MS))) {
      await unlink(path).catch(() => undefined);
    }
  }
  return removed.sort();
}

/** The URL a record file names, read leniently: prune must work on damaged files too. */
async function urlInFile(path: string): Promise<string | null> {
  try {
    const json: unknown = JSON.parse(await readFile(path, "utf8"));
    const parsed = feedRecordSchema.pick({ url: true }).safeParse(json);
    return parsed.success ? parsed.data.url : null;
  } catch {
    return null;
  }
}

async function isOlderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > ms;
}

function errorCode(error: unknown): string | null {
  return error instanceof Error && "code" in error ? String(error.code) : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
