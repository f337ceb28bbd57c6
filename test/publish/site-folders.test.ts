import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import {
  removeInBackground,
  removeLeftoverSites,
  siteFolders,
  swapIn,
} from "../../src/publish/site-folders.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-folders-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The PID of a process that has ended. */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ["-e", "0"]);
  if (ended.pid === undefined) throw new Error("could not start a process");
  return ended.pid;
}

it("swaps the staged site in and leaves the last one aside for removal", async () => {
  const outDir = join(dir, "dist");
  await mkdir(outDir);
  await writeFile(join(outDir, "index.html"), "old");
  const folders = siteFolders(outDir);
  await mkdir(folders.staging);
  await writeFile(join(folders.staging, "index.html"), "new");
  expect(await swapIn(folders, outDir)).toBe(true);
  expect((await readdir(dir)).sort()).toEqual(["dist", folders.old.slice(dir.length + 1)].sort());
  expect(await readFile(join(outDir, "index.html"), "utf8")).toBe("new");
});

it("says when there was no site to set aside", async () => {
  const outDir = join(dir, "dist");
  const folders = siteFolders(outDir);
  await mkdir(folders.staging);
  expect(await swapIn(folders, outDir)).toBe(false);
  expect(await readdir(dir)).toEqual(["dist"]);
});

it("removes a folder in a process that does not hold this one up", async () => {
  const old = join(dir, "dist.old", "members", "alice");
  await mkdir(old, { recursive: true });
  await writeFile(join(old, "index.html"), "old");
  removeInBackground(join(dir, "dist.old"));
  // A generous bound: the remover is a Node process of its own, on a machine that may be busy.
  await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]), { timeout: 20_000 });
}, 30_000);

it("removes the folders of ended builds beside the site, and nothing else", async () => {
  const outDir = join(dir, "dist");
  const ended = endedPid();
  const time = Date.now().toString(36);
  const kept = [
    "dist",
    `dist.new-${process.pid}-${time}-0`,
    "dist.backup",
    `other.old-${ended}-${time}-0`,
    `dist.old-x-${time}-0`,
    `dist.old-${ended}-12-01`,
  ];
  const leftovers = [`dist.new-${ended}-${time}-0`, `dist.old-${ended}-${time}-1`];
  for (const name of [...kept, ...leftovers]) {
    await mkdir(join(dir, name, "members"), { recursive: true });
    await writeFile(join(dir, name, "members", "index.html"), name);
  }
  await removeLeftoverSites(outDir);
  expect((await readdir(dir)).sort()).toEqual([...kept].sort());
});
