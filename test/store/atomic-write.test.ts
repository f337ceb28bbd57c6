import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/store/atomic-write.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("writes, replaces, and leaves no temp files behind", async () => {
    const path = join(dir, "record.json");
    await writeFileAtomic(path, "first");
    await writeFileAtomic(path, new TextEncoder().encode("second ü"));
    await Promise.all(Array.from({ length: 10 }, (_, i) => writeFileAtomic(path, `v${i}`)));
    expect(await readFile(path, "utf8")).toMatch(/^v\d$/);
    expect(await readdir(dir)).toEqual(["record.json"]);
  });

  it("replaces the file the same way when the rename need not be durable", async () => {
    const path = join(dir, "state.json");
    await writeFileAtomic(path, "first", { durable: false });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => writeFileAtomic(path, `v${i}`, { durable: false })),
    );
    expect(await readFile(path, "utf8")).toMatch(/^v\d$/);
    expect(await readdir(dir)).toEqual(["state.json"]);
  });

  it("fails when the directory is missing, leaving nothing", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "x.json"), "x")).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
