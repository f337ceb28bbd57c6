import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { removeLeftoverSites, siteFolders, swapIn } from "../../src/publish/site-folders.ts";

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
  await swapIn(folders, outDir);
  expect((await readdir(dir)).sort()).toEqual(["dist", folders.old.slice(dir.length + 1)].sort());
});

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
