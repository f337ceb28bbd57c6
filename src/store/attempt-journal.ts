import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { errnoCode, errorMessage } from "../model/caught-error.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { type BookkeepingAttempt, bookkeepingAttemptSchema } from "./bookkeeping-attempt.ts";
import { HISTORY_LIMIT, sha256HexSchema } from "./feed-record.ts";
import { parseJson } from "./read-json-file.ts";

// A build of 304s changes nothing in a source's state but when it was last tried: rather than
// rewrite 400 state files to say so, the cache keeps those attempts in one journal, written once
// when the fetch stage is done. Each source's attempts name the state file they follow by the
// sha256 of its bytes: once that file is written again (with the attempts folded in, or by a build
// that died before its journal was written) they follow nothing and are dropped, never applied
// twice. Losing the journal loses only when sources last answered, never a state.

/** The journal's name in the cache directory. */
export const ATTEMPT_JOURNAL_FILE = "attempts.json";

const JOURNAL_VERSION = 1;

/** One source's attempts not yet in its state file. */
const pendingSchema = z.object({
  /** sha256 of the bytes of the state file the attempts follow. */
  stateFileSha256: sha256HexSchema,
  /** Oldest first; never more than a state's history holds. */
  attempts: z.array(bookkeepingAttemptSchema).max(HISTORY_LIMIT),
});

const journalFileSchema = z.object({
  version: z.literal(JOURNAL_VERSION),
  /** By source URL. */
  sources: z.record(z.string(), pendingSchema),
});

type Pending = z.infer<typeof pendingSchema>;

/** The attempts each source made since its state file was last written. */
export interface AttemptJournal {
  /**
   * The attempts that follow the state file of `url` whose bytes hash to `stateFileSha256`;
   * any that follow another file (or none: null) are dropped.
   */
  pendingFor(url: string, stateFileSha256: string | null): readonly BookkeepingAttempt[];
  /**
   * Adds an attempt after those pending for `url`. Only as many as a state's history holds are
   * kept: applied to the state, the newest of them leave it as all of them would, so no state
   * file is ever written for bookkeeping alone (and the sources cached together never come to be
   * written together).
   */
  add(url: string, stateFileSha256: string, attempt: BookkeepingAttempt): void;
  /** Forgets the attempts of `url`: its state file has been written with them. */
  drop(url: string): void;
  /** Forgets the attempts of every URL not in `urls`. */
  keepOnly(urls: readonly string[]): void;
  /** Why the journal found on disk was ignored, or null. */
  readonly problem: string | null;
  /** Writes the journal if anything changed; crash-safe, not durable (see above). */
  save(): Promise<void>;
}

/** Reads the journal of the cache in `dir`; a damaged one is ignored, with its problem kept. */
export async function openAttemptJournal(dir: string): Promise<AttemptJournal> {
  const path = join(dir, ATTEMPT_JOURNAL_FILE);
  const read = await readJournal(path);
  const sources = read.sources;
  // A damaged journal is replaced by the next save, so that it is reported once.
  let changed = read.problem !== null;
  const drop = (url: string) => {
    changed = sources.delete(url) || changed;
  };
  return {
    problem: read.problem,
    pendingFor(url, stateFileSha256) {
      const pending = sources.get(url);
      if (pending === undefined) return [];
      if (pending.stateFileSha256 === stateFileSha256) return pending.attempts;
      drop(url);
      return [];
    },
    add(url, stateFileSha256, attempt) {
      const pending = sources.get(url);
      const earlier = pending?.stateFileSha256 === stateFileSha256 ? pending.attempts : [];
      const attempts = [...earlier, attempt].slice(-HISTORY_LIMIT);
      sources.set(url, { stateFileSha256, attempts });
      changed = true;
    },
    drop,
    keepOnly(urls) {
      const kept = new Set(urls);
      for (const url of sources.keys()) if (!kept.has(url)) drop(url);
    },
    async save() {
      if (!changed) return;
      const file = { version: JOURNAL_VERSION, sources: Object.fromEntries(sources) };
      await writeFileAtomic(path, `${JSON.stringify(file)}\n`, { durable: false });
      changed = false;
    },
  };
}

interface ReadJournal {
  sources: Map<string, Pending>;
  problem: string | null;
}

async function readJournal(path: string): Promise<ReadJournal> {
  const ignored = (reason: string): ReadJournal => ({
    sources: new Map(),
    problem:
      `ignored the attempt journal ${path}, ${reason}: it only held when feeds last answered ` +
      "unchanged, and their state files are whole",
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return { sources: new Map(), problem: null };
    return ignored(`unreadable (${errorMessage(error)})`);
  }
  const parsed = parseJson(bytes, journalFileSchema, "not an attempt journal of this version");
  if (!parsed.ok) return ignored(parsed.reason);
  return { sources: new Map(Object.entries(parsed.value.sources)), problem: null };
}
