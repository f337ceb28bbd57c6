import { existsSync, readFileSync } from "node:fs";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import { errnoCode } from "../model/caught-error.ts";
import { sha256Hex } from "../text/sha256.ts";
import {
  CORRUPT_SUFFIX,
  contentFileName,
  hashContent,
  recordFromLegacyFile,
  stateFileName,
  stateOrLegacyFileSchema,
} from "./cache-files.ts";
import {
  type FeedContent,
  feedContentSchema,
  type SourceState,
  stateOfRecord,
  summarizeContent,
} from "./feed-record.ts";
import { parseJson } from "./read-json-file.ts";

/** The state read for a URL, or why there is none. */
export interface CachedState {
  /** The state, or null when missing or unusable. */
  state: SourceState | null;
  /** Why an existing file could not be used (it has been moved aside), or null. */
  problem: string | null;
  /**
   * The content, when reading the state took reading it: a version 1 file holds both, and a
   * state written before summaries were kept is summarized from its content. Null otherwise.
   */
  content: FeedContent | null;
}

/** A state read from its file, with the file's hash for the attempts journaled after it. */
export interface StateFileRead extends CachedState {
  /** sha256 of the state file's bytes when it is in today's form, else null (to be rewritten). */
  stateFileSha256: string | null;
}

/** The content read for a state, or why there is none. */
export interface CachedContent {
  content: FeedContent | null;
  problem: string | null;
}

/**
 * Reads the state file of `url` in `dir`, validating it; the content file it points at is only
 * checked to exist. Never throws for a missing or damaged file: a damaged one is moved aside and
 * reported.
 */
export async function readCachedState(dir: string, url: string): Promise<StateFileRead> {
  const statePath = join(dir, stateFileName(url));
  const stateBytes = readIfPresent(statePath);
  if (stateBytes === null) return noState(null);
  if (stateBytes instanceof Error) return noState(unreadable(statePath, stateBytes));
  const parsedState = parseJson(stateBytes, stateOrLegacyFileSchema, "not a feed record");
  if (!parsedState.ok) return noState(await setAside(statePath, parsedState.reason));
  const stored = parsedState.value;
  if (stored.url !== url) {
    return noState(await setAside(statePath, `holds the record of ${stored.url}`));
  }
  if (stored.version === 1) {
    const record = recordFromLegacyFile(stored);
    const content = { posts: record.posts, events: record.events };
    return { state: stateOfRecord(record, null), problem: null, content, stateFileSha256: null };
  }

  const { version: _version, summary, ...fields } = stored;
  const contentPath = join(dir, contentFileName(url, fields.contentSha256));
  if (summary === undefined) {
    const read = await readCachedContent(dir, fields);
    if (read.content === null) return noState(read.problem);
    return {
      state: { ...fields, summary: summarizeContent(read.content) },
      problem: null,
      content: read.content,
      stateFileSha256: null,
    };
  }
  if (!existsSync(contentPath)) {
    return noState(await setAside(statePath, `its content file ${contentPath} is missing`));
  }
  const stateFileSha256 = sha256Hex(stateBytes);
  return { state: { ...fields, summary }, problem: null, content: null, stateFileSha256 };
}

/**
 * Reads the content file a state points at, validating it against its hash. A damaged one is
 * moved aside with its state, so the next build fetches the source afresh.
 */
export async function readCachedContent(
  dir: string,
  state: { url: string; contentSha256: string },
): Promise<CachedContent> {
  const statePath = join(dir, stateFileName(state.url));
  const contentPath = join(dir, contentFileName(state.url, state.contentSha256));
  const contentBytes = readIfPresent(contentPath);
  if (contentBytes instanceof Error) return noContent(unreadable(contentPath, contentBytes));
  if (contentBytes === null) {
    return noContent(await setAside(statePath, `its content file ${contentPath} is missing`));
  }
  if (hashContent(contentBytes) !== state.contentSha256) {
    return noContent(
      await setAside(
        statePath,
        `its content file ${contentPath} does not match its contentSha256`,
        contentPath,
      ),
    );
  }
  const content = parseJson(contentBytes, feedContentSchema, "not feed content");
  if (!content.ok) {
    return noContent(
      await setAside(
        statePath,
        `its content file ${contentPath} is ${content.reason}`,
        contentPath,
      ),
    );
  }
  return { content: content.value, problem: null };
}

/**
 * The file's bytes, null if there is none, or the error that kept it from being read. Read
 * synchronously: for files this small on a local disk that costs the event loop about a tenth of a
 * millisecond, half the CPU of an asynchronous read (measured for a 130 KB content file).
 */
function readIfPresent(path: string): Buffer | null | Error {
  try {
    return readFileSync(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
    return error instanceof Error ? error : new Error(String(error));
  }
}

function unreadable(path: string, error: Error): string {
  return `unreadable cache file ${path}: ${error.message}`;
}

function noState(problem: string | null): StateFileRead {
  return { state: null, problem, content: null, stateFileSha256: null };
}

function noContent(problem: string | null): CachedContent {
  return { content: null, problem };
}

/** Moves a damaged state file (and its content file) aside so the next build starts afresh. */
async function setAside(statePath: string, reason: string, ...others: string[]): Promise<string> {
  const kept: string[] = [];
  for (const path of [statePath, ...others]) {
    const aside = `${path}${CORRUPT_SUFFIX}`;
    if (
      await rename(path, aside).then(
        () => true,
        () => false,
      )
    )
      kept.push(aside);
  }
  const moved = kept.length > 0 ? `; kept as ${kept.join(" and ")}` : "";
  return `corrupt cache file ${statePath}: ${reason}${moved}`;
}
