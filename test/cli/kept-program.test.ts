import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importProgram, keptProgram, type ProgramRequest } from "../../src/cli/kept-program.ts";

// A project of three modules, bundled the way `npm run build` bundles the real one: the entry
// says where the project is (src/project-root.ts, as the bundle has it written in) and what its
// other module says, and imports a third one when asked.
let root: string;
let request: ProgramRequest;
const ENTRY = "src/main.ts";

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "kept-program-"));
  await mkdir(join(root, "src"));
  await mkdir(join(root, "node_modules"));
  await writeFile(join(root, "package-lock.json"), "{}\n");
  await writeFile(
    join(root, "src/project-root.ts"),
    'import { fileURLToPath } from "node:url";\nexport const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));\n',
  );
  await writeFile(join(root, "src/word.ts"), 'export const word: string = "hello";\n');
  await writeFile(join(root, "src/later.ts"), "export const later = 42;\n");
  await writeFile(
    join(root, ENTRY),
    [
      'import { PROJECT_ROOT } from "./project-root.ts";',
      'import { word } from "./word.ts";',
      'export const said = word + " from " + PROJECT_ROOT;',
      'export const loadLater = () => import("./later.ts");',
      "",
    ].join("\n"),
  );
  request = { root: `${root}/`, cacheDir: join(root, ".cache/planet"), entries: [ENTRY] };
});
afterEach(() => rm(root, { recursive: true, force: true }));

interface Entry {
  said: string;
  loadLater(): Promise<{ later: number }>;
}
const importEntry = async (url: string | undefined): Promise<Entry> => {
  if (url === undefined) throw new Error("no bundle kept");
  return (await import(url)) as Entry;
};

/** importProgram's module, and its bundle kept for the imports that follow. */
const importAndKeep = async (): Promise<Entry> => {
  const imported = await importProgram(request, ENTRY);
  await imported.keep();
  return imported.module as Entry;
};
const keptUrl = (): string | undefined => keptProgram(request)?.get(ENTRY);

describe("importProgram", () => {
  it("imports from src/ while it bundles, and keeps a bundle that knows where the project is", async () => {
    expect(keptProgram(request)).toBeNull();
    const fromSource = await importAndKeep();
    expect(fromSource.said).toBe(`hello from ${root}/`);
    const url = keptUrl();
    expect(fileURLToPath(url ?? "file:///")).toContain(join(root, ".cache/planet/program/"));
    const bundled = await importEntry(url);
    expect(bundled).not.toBe(fromSource);
    expect(bundled.said).toBe(`hello from ${root}/`);
    expect((await bundled.loadLater()).later).toBe(42);
  });

  it("imports the kept bundle, and bundles nothing, while the inputs are unchanged", async () => {
    await importAndKeep();
    const url = keptUrl();
    const before = await stat(fileURLToPath(url ?? "file:///"));
    const again = await importProgram(request, ENTRY);
    await again.keep();
    expect(again.module).toBe(await importEntry(url));
    expect(keptUrl()).toBe(url);
    expect((await stat(fileURLToPath(url ?? "file:///"))).mtimeMs).toBe(before.mtimeMs);
  });

  it("bundles again once an input changes, and the new bundle has the change", async () => {
    await importAndKeep();
    const first = keptUrl();
    await writeFile(join(root, "src/word.ts"), 'export const word: string = "goodbye";\n');
    expect(keptProgram(request)).toBeNull();
    await importAndKeep();
    const second = keptUrl();
    expect(second).not.toBe(first);
    expect((await importEntry(second)).said).toBe(`goodbye from ${root}/`);
  });

  it("bundles again for a new lock file (new packages)", async () => {
    await importAndKeep();
    await writeFile(join(root, "package-lock.json"), '{ "lockfileVersion": 3 }\n');
    expect(keptProgram(request)).toBeNull();
  });

  it("bundles again when the bundle's folder is gone or its manifest is damaged", async () => {
    await importAndKeep();
    const store = join(root, ".cache/planet/program");
    const [manifest] = (await readdir(store)).filter((name) => name.endsWith(".json"));
    await writeFile(join(store, manifest as string), '{"key": 1');
    expect(keptProgram(request)).toBeNull();

    await importAndKeep();
    expect(keptUrl()).toBeDefined();
    for (const name of await readdir(store)) {
      if (!name.endsWith(".json")) await rm(join(store, name), { recursive: true });
    }
    expect(keptProgram(request)).toBeNull();
  });

  it("writes nothing into the cache until asked to keep the bundle", async () => {
    await importProgram(request, ENTRY);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(stat(join(root, ".cache"))).rejects.toThrow();
  });

  it("says which entry could not be bundled, and where, and runs from src/ meanwhile", async () => {
    await writeFile(join(root, "src/later.ts"), "export const later = ;\n");
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
    try {
      const imported = await importProgram(request, ENTRY);
      expect((imported.module as Entry).said).toBe(`hello from ${root}/`);
      await imported.keep();
    } finally {
      process.stderr.write = write;
    }
    expect(written.join("")).toMatch(
      /^note: the next build runs from src\/ too: could not bundle src\/main\.ts: src\/later\.ts:1:\d+: /,
    );
    expect(keptProgram(request)).toBeNull();
  });

  it("removes a bundle no manifest names once it is an hour old, not before", async () => {
    const store = join(root, ".cache/planet/program");
    await mkdir(join(store, "left-by-an-old-build"), { recursive: true });
    await mkdir(join(store, "left-by-a-running-build"), { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(join(store, "left-by-an-old-build"), twoHoursAgo, twoHoursAgo);
    await importAndKeep();
    const names = await readdir(store);
    expect(names).not.toContain("left-by-an-old-build");
    expect(names).toContain("left-by-a-running-build");
  });
});
