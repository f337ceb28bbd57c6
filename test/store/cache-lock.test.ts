import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
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

describe("acquireCacheLock", () => {
  it("is exclusive within a process until released", async () => {
    const lock = await acquireCacheLock(dir);
    await expect(acquireCacheLock(dir, { waitMs: 50 })).rejects.toBeInstanceOf(CacheLockedError);
    await lock.release();
    await lock.release();
    const again = await acquireCacheLock(dir, { waitMs: 0 });
    await again.release();
  });

  it("waits for a holder that releases in time", async () => {
    const lock = await acquireCacheLock(dir);
    setTimeout(() => void lock.release(), 100);
    const second = await acquireCacheLock(dir, { waitMs: 5_000 });
    await second.release();
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

  it("takes over a lock older than an hour even if its PID is alive", async () => {
    await writeFile(
      join(dir, LOCK_FILE_NAME),
      lockContent(process.ppid, new Date(Date.now() - 2 * 3_600_000)),
    );
    const lock = await acquireCacheLock(dir, { waitMs: 0 });
    await lock.release();
  });

  it("takes over an unreadable lock file", async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), "");
    const lock = await acquireCacheLock(dir, { waitMs: 0 });
    await lock.release();
  });

  it("respects a recent lock of a live PID", async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), lockContent(process.ppid, new Date()));
    await expect(acquireCacheLock(dir, { waitMs: 0 })).rejects.toThrow(
      /another build holds the cache lock/,
    );
  });
});
