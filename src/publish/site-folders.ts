import { spawn } from "node:child_process";
import { cp, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

// A build writes its site into a folder of its own beside outDir, then swaps it in with two
// renames, so a static host never serves a half-written site. The folders are named for the
// build's process, so that one a killed build left behind is known as a leftover.

/** The folders of one build's swap: where it stages its site, and where the last one goes. */
export interface SiteFolders {
  staging: string;
  old: string;
}

let buildCount = 0;

/** Folders for a new build's site beside `outDir`. */
export function siteFolders(outDir: string): SiteFolders {
  const build = `${process.pid}-${Date.now().toString(36)}-${(buildCount++).toString(36)}`;
  return { staging: `${outDir}.new-${build}`, old: `${outDir}.old-${build}` };
}

/**
 * Replaces `outDir` with the staged site (copying when they are on different file systems). The
 * last site is left in `folders.old`, for the caller to remove (removeInBackground); says whether
 * there was one.
 */
export async function swapIn(folders: SiteFolders, outDir: string): Promise<boolean> {
  const hadSite = await rename(outDir, folders.old).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      return false;
    },
  );
  await rename(folders.staging, outDir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EXDEV") throw error;
    await cp(folders.staging, outDir, { recursive: true });
  });
  return hadSite;
}

/**
 * Removes the folder `dir` in a process of its own, which goes on after this one ends: a site of
 * a thousand files and a hundred megabytes takes a few hundred milliseconds to remove, which a
 * build that has published its new site need not wait for. Whatever it leaves (it failed to
 * start, or was killed with a CI job), the next build removes (removeLeftoverSites).
 */
export function removeInBackground(dir: string): void {
  const remover = spawn(process.execPath, ["--eval", REMOVE_FOLDER, dir], {
    detached: true,
    stdio: "ignore",
    // Its own code is one line: a compile cache it would write at exit is nothing but a race
    // with whoever removes the cache's folder.
    env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" },
  });
  remover.on("error", () => undefined);
  remover.unref();
}

/** The remover's program: its one argument is the folder. */
const REMOVE_FOLDER =
  'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })';

/** Removes the folders beside `outDir` that builds whose process has ended left behind. */
export async function removeLeftoverSites(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const prefixes = [".new-", ".old-"].map((kind) => `${basename(outDir)}${kind}`);
  for (const sibling of await readdir(parent).catch(() => [])) {
    const prefix = prefixes.find((start) => sibling.startsWith(start));
    if (prefix === undefined) continue;
    // Only a name siteFolders makes: <pid>-<the time, base 36>-<a count>, not a backup that
    // happens to start the same way ("dist.old-2024-12-01").
    const made = /^(\d+)-[0-9a-z]{8,}-[0-9a-z]+$/.exec(sibling.slice(prefix.length));
    const pid = Number(made?.[1]);
    if (made !== null && pid > 0 && !isRunning(pid)) {
      await rm(join(parent, sibling), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
