import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireCacheLock, CacheLockedError, LOCK_FILE_NAME } from "../../src/store/cache-lock.ts";
import { type NodeProcess, spawnHelperScript } from "../helpers/spawn-process.ts";

let dir: string;
let holder: NodeProcess | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-lock-"));
});
afterEach(async () => {
  await holder?.kill();
  holder = null;
  await rm(dir, { recursive: true, force: true });
});

function lockContent(pid: number, createdAt: Date): string {
  return JSON.stringify({
    pid,
    hostname: hostname(),
    createdAt: createdAt.toISOString(),
    token: "t",
  });
}

/** The PID written in the lock file, or null when there is none. */
async function lockHolder(): Promise<number | null> {
  const raw = await readFile(join(dir, LOCK_FILE_NAME), "utf8").catch(() => null);
  return raw === null ? null : JSON.parse(raw).pid;
}

/**
 * Takes the lock at once (the one in place is stale), then checks that it is really held: the
 * file names this process, another build is turned away, and release frees it for the next.
 */
async function expectTakenOverAndHeld(): Promise<void> {
  const lock = await acquireCacheLock(dir, { waitMs: 0 });
  expect(await lockHolder()).toBe(process.pid);
  await expect(acquireCacheLock(dir, { waitMs: 150 })).rejects.toBeInstanceOf(CacheLockedError);
  await lock.release();
  expect(await lockHolder()).toBeNull();
  const next = await acquireCacheLock(dir, { waitMs: 0 });
  await next.release();
}

describe("acquireCacheLock", () => {
  it("is exclusive within a process until released", async () => {
    const lock = await acquireCacheLock(dir);
    await expect(acquireCacheLock(dir, { waitMs: 50 })).rejects.toBeInstanceOf(CacheLockedError);
    await lock.release();
    await lock.release();
    const again = await acquireCacheLock(dir, { waitMs: 0 });
    await again.release();
  });

  it("waits for a holder that releases in time, and takes the lock only once it has", async () => {
    const events: string[] = [];
    const first = await acquireCacheLock(dir);
    const second = acquireCacheLock(dir, { waitMs: 5_000 }).then((lock) => {
      events.push("second acquired");
      return lock;
    });
    // Several of the lock's polls go by while the first holder keeps it.
    await sleep(350);
    expect(events).toEqual([]);
    events.push("first released");
    await first.release();
    const lock = await second;
    expect(events).toEqual(["first released", "second acquired"]);
    expect(await lockHolder()).toBe(process.pid);
    await lock.release();
  });

  it("is blocked by a live process, and taken over once that process is SIGKILLed", async () => {
    holder = spawnHelperScript("hold-cache-lock.ts", [dir]);
    await holder.waitForLine("locked");
    const pid = holder.child.pid;
    const lockPath = join(dir, LOCK_FILE_NAME);

    const blocked = await acquireCacheLock(dir, { waitMs: 200 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(blocked).toBeInstanceOf(CacheLockedError);
    expect(String(blocked)).toContain(lockPath);
    expect(String(blocked)).toContain(`process ${pid}`);
    expect(blocked instanceof CacheLockedError && blocked.pid).toBe(pid);

    await holder.kill();
    const lock = await acquireCacheLock(dir, { waitMs: 0 });
    expect(JSON.parse(await readFile(lockPath, "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("takes over a lock older than an hour even if its PID is alive, and then holds it", async () => {
    await writeFile(
      join(dir, LOCK_FILE_NAME),
      lockContent(process.ppid, new Date(Date.now() - 2 * 3_600_000)),
    );
    await expectTakenOverAndHeld();
  });

  it("takes over an unreadable lock file, and then holds it", async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), "");
    await expectTakenOverAndHeld();
  });

  it("respects a recent lock of a live PID", async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), lockContent(process.ppid, new Date()));
    await expect(acquireCacheLock(dir, { waitMs: 0 })).rejects.toThrow(
      /another build holds the cache lock/,
    );
  });
});
