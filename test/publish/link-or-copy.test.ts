import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkOrCopy, linkOrCopyTree } from "../../src/publish/link-or-copy.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-link-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("linkOrCopy", () => {
  it("shares the file rather than copying it, making the folders it needs", async () => {
    await writeFile(join(dir, "page.html"), "<p>kept</p>");
    linkOrCopy(join(dir, "page.html"), join(dir, "site/archive/2017-03-14/index.html"));
    const [source, shared] = await Promise.all([
      stat(join(dir, "page.html")),
      stat(join(dir, "site/archive/2017-03-14/index.html")),
    ]);
    expect(shared.ino).toBe(source.ino);
  });

  it("replaces a file already at the destination", async () => {
    await writeFile(join(dir, "new.html"), "new");
    await writeFile(join(dir, "old.html"), "old");
    linkOrCopy(join(dir, "new.html"), join(dir, "old.html"));
    expect(await readFile(join(dir, "old.html"), "utf8")).toBe("new");
  });
});

describe("linkOrCopyTree", () => {
  it("puts every file of the tree in the same place, leaving out what `keep` refuses", async () => {
    await mkdir(join(dir, "segment/fragment"), { recursive: true });
    await writeFile(join(dir, "segment/pagefind.js"), "js");
    await writeFile(join(dir, "segment/fragment/a.pf_fragment"), "a");
    await writeFile(join(dir, "segment/complete"), "");
    linkOrCopyTree(join(dir, "segment"), join(dir, "site/pagefind"), (name) => {
      return name !== "complete";
    });
    expect(await readFile(join(dir, "site/pagefind/fragment/a.pf_fragment"), "utf8")).toBe("a");
    expect(await readFile(join(dir, "site/pagefind/pagefind.js"), "utf8")).toBe("js");
    await expect(stat(join(dir, "site/pagefind/complete"))).rejects.toThrow();
  });
});
