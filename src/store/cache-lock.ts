import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as z from "zod";
import { errnoCode } from "../model/caught-error.ts";

/** Name of the lock file inside the cache directory. */
export const LOCK_FILE_NAME = ".lock";
/** A lock older than this is taken over even if its PID looks alive (PIDs get reused). */
export const STALE_LOCK_MS = 60 * 60 * 1000;
/** How long acquireCacheLock waits for another build by default. */
export const DEFAULT_LOCK_WAIT_MS = 5_000;

const POLL_MS = 100;

/** Another live build holds the cache. */
export class CacheLockedError extends Error {
  /** The lock file. */
  readonly lockPath: string;
  /** The PID written in it, if readable. */
  readonly pid: number | null;

  constructor(lockPath: string, pid: number | null, since: string | null) {
    const who = pid === null ? "another process" : `process ${pid}`;
    const when = since === null ? "" : ` since ${since}`;
    super(`another build holds the cache lock ${lockPath} (${who}${when})`);
    this.name = "CacheLockedError";
    this.lockPath = lockPath;
    this.pid = pid;
  }
}

/** A held lock. */
export interface CacheLock {
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

const lockInfoSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  createdAt: z.string(),
  token: z.string(),
});
type LockInfo = z.infer<typeof lockInfoSchema>;

/**
 * Takes the cache directory's lock, waiting up to `waitMs` for another build to finish; throws
 * CacheLockedError if it does not. A lock whose process is gone, or older than an hour, is stale
 * and taken over. The lock is also removed when this process exits normally.
 */
export async function acquireCacheLock(
  dir: string,
  options: { waitMs?: number } = {},
): Promise<CacheLock> {
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE_NAME);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    createdAt: new Date().toISOString(),
    token: randomUUID(),
  };
  const giveUpAt = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  for (;;) {
    if (await tryCreateLock(lockPath, JSON.stringify(info))) return holdLock(lockPath, info.token);
    const raw = await readLockFile(lockPath);
    if (raw === null) continue; // released between our attempt and the read
    const holder = parseLockInfo(raw);
    if (holder === null || isStale(holder)) {
      await takeOverStaleLock(lockPath, raw, info.token);
      continue;
    }
    if (Date.now() >= giveUpAt) throw new CacheLockedError(lockPath, holder.pid, holder.createdAt);
    await sleep(Math.min(POLL_MS, Math.max(1, giveUpAt - Date.now())));
  }
}

/** Creates the lock with its content in one step: a complete temp file hard-linked into place. */
async function tryCreateLock(lockPath: string, content: string): Promise<boolean> {
  const temp = `${lockPath}.${randomUUID()}.tmp`;
  await writeFile(temp, content);
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if (errnoCode(error) === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Moves the stale lock out of the way atomically; if another process replaced it with a fresh lock
 * in the meantime, that one is put back instead of being deleted.
 */
async function takeOverStaleLock(lockPath: string, staleRaw: string, token: string): Promise<void> {
  const aside = `${lockPath}.${token}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  const movedRaw = await readFile(aside, "utf8").catch(() => null);
  if (movedRaw !== staleRaw) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function holdLock(lockPath: string, token: string): CacheLock {
  const isOurs = (raw: string | null): boolean =>
    raw !== null && parseLockInfo(raw)?.token === token;
  const releaseOnExit = (): void => {
    try {
      if (isOurs(readFileSync(lockPath, "utf8"))) unlinkSync(lockPath);
    } catch {
      // Exiting anyway: a leftover lock is stale once this PID is gone.
    }
  };
  process.on("exit", releaseOnExit);
  return {
    async release() {
      process.off("exit", releaseOnExit);
      const raw = await readFile(lockPath, "utf8").catch(() => null);
      if (isOurs(raw)) await unlink(lockPath).catch(() => undefined);
    },
  };
}

/** The lock file's text, or null if it no longer exists. */
async function readLockFile(lockPath: string): Promise<string | null> {
  try {
    return await readFile(lockPath, "utf8");
  } catch (error) {
    if (errnoCode(error) === "ENOENT") return null;
    throw error;
  }
}

function parseLockInfo(raw: string): LockInfo | null {
  try {
    const parsed = lockInfoSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isStale(holder: LockInfo): boolean {
  const age = Date.now() - Date.parse(holder.createdAt);
  if (!(age < STALE_LOCK_MS)) return true; // also true for an unreadable date
  return holder.hostname === hostname() && !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errnoCode(error) === "EPERM";
  }
}
