import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { errnoCode, errorMessage } from "../model/caught-error.ts";

// Node loads a build's several hundred modules one file at a time: finding, reading and linking
// each took ~0.35 s of every build even with the compile cache (~0.2 s before the build's first
// line, ~0.15 s when the first new body loads the parsers and the sanitizer), more than a build
// that finds nothing new spends on its own work. Bundled into a few files by esbuild, the same
// modules load in a third of that. The bundle is kept in the cache for as long as its inputs are
// what they were. A build that finds none runs from src/ and bundles alongside (~1 s of
// esbuild's own process), and keeps the bundle for the builds that follow once it is done.

/** What to bundle: the project's folder, the cache's, and entry modules relative to the first. */
export interface ProgramRequest {
  root: string;
  cacheDir: string;
  entries: readonly string[];
}

/** What a kept bundle was made from and where its entries are (`program/<entries>.json`). */
interface ProgramManifest {
  key: string;
  /** Its inputs outside node_modules (relative to the root); the lock file stands for the rest. */
  inputs: string[];
  /** Each entry's file, relative to the bundle's folder. */
  outputs: Record<string, string>;
}

/** Packages that find files of their own beside their code, so they load from node_modules. */
const UNBUNDLED = ["astro", "astro/*", "vite", "pagefind"];

/** A bundle made by someone else that no manifest names any more is removed after this long. */
const STALE_MS = 60 * 60 * 1000;

/** A module of the program as importProgram loaded it. */
export interface ImportedProgram {
  module: unknown;
  /**
   * Keeps the bundle made alongside, if the module came from src/, for the builds that follow
   * (stderr says why if it cannot). For a build that did its work: one that stopped, say on a bad
   * config or a lock held by another build, writes nothing into the cache.
   */
  keep(): Promise<void>;
}

/**
 * Imports `entry` (one of `request.entries`) from the kept bundle if the cache holds one made
 * from the inputs as they are now, else from src/ while a bundle is made alongside, in memory.
 */
export async function importProgram(
  request: ProgramRequest,
  entry: string,
): Promise<ImportedProgram> {
  const bundled = keptProgram(request)?.get(entry);
  const bundling = bundled === undefined ? bundle(request) : null;
  // Heard by keep(), or by no one when the build stopped.
  bundling?.catch(() => undefined);
  const module: unknown = await import(bundled ?? pathToFileURL(join(request.root, entry)).href);
  const keep = async () => {
    if (bundling === null) return;
    try {
      await writeBundle(request, await bundling);
    } catch (error) {
      process.stderr.write(`note: the next build runs from src/ too: ${errorMessage(error)}\n`);
    }
  };
  return { module, keep };
}

/**
 * The URLs of the kept bundle's entries, by entry, if the cache holds a bundle made from the
 * inputs as they are now; null if it does not.
 */
export function keptProgram(request: ProgramRequest): Map<string, string> | null {
  const store = storeOf(request);
  const kept = readManifest(manifestPath(request));
  if (kept === null || !existsSync(join(store, kept.key))) return null;
  try {
    if (inputsKey(request, kept.inputs) !== kept.key) return null;
  } catch {
    // An input that cannot be read now: let the bundling say what is wrong.
    return null;
  }
  return new Map(
    Object.entries(kept.outputs).map(([entry, file]) => [
      entry,
      pathToFileURL(join(store, kept.key, file)).href,
    ]),
  );
}

const storeOf = (request: ProgramRequest): string => join(request.cacheDir, "program");

/** Each set of entries has a bundle and a manifest of its own. */
function manifestPath(request: ProgramRequest): string {
  const name = createHash("sha256").update(request.entries.join("\n")).digest("hex").slice(0, 16);
  return join(storeOf(request), `${name}.json`);
}

/** A bundle made in memory: its manifest and its files, relative to its folder. */
interface MadeBundle {
  manifest: ProgramManifest;
  files: { path: string; contents: Uint8Array }[];
}

/** Where esbuild is told the files go; they are written under store/<key>/ instead. */
const OUT_DIR = "bundle";

/** Bundles the entries in memory. */
async function bundle(request: ProgramRequest): Promise<MadeBundle> {
  const { build } = await import("esbuild");
  const outdir = join(request.root, OUT_DIR);
  try {
    const result = await build({
      absWorkingDir: request.root,
      entryPoints: [...request.entries],
      outdir,
      outbase: request.root,
      write: false,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node}`,
      external: UNBUNDLED,
      // Some packages are CommonJS and require Node's modules, which an ES module has no
      // `require` for: esbuild's wrapper uses this one.
      banner: {
        js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);',
      },
      plugins: [projectRootWrittenIn(request.root)],
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs).filter(
      (input) => !input.startsWith("node_modules/"),
    );
    const outputs: Record<string, string> = {};
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (output.entryPoint === undefined) continue;
      outputs[output.entryPoint] = relative(outdir, resolve(request.root, file));
    }
    for (const entry of request.entries) {
      if (outputs[entry] === undefined) throw new Error(`esbuild wrote no file for ${entry}`);
    }
    const files = result.outputFiles.map(({ path, contents }) => ({
      path: relative(outdir, path),
      contents,
    }));
    // Made from what the inputs are now: one edited while esbuild read it bundles again next time.
    return { manifest: { key: inputsKey(request, inputs), inputs, outputs }, files };
  } catch (error) {
    throw new Error(`could not bundle ${request.entries.join(", ")}: ${bundleError(error)}`);
  }
}

/**
 * Writes a bundle into `program/<key>/` in the cache, with a link to node_modules for UNBUNDLED,
 * then its manifest, and removes stale bundles.
 */
async function writeBundle(request: ProgramRequest, made: MadeBundle): Promise<void> {
  const store = storeOf(request);
  const { key } = made.manifest;
  const temp = join(store, `tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    for (const { path, contents } of made.files) {
      await mkdir(dirname(join(temp, path)), { recursive: true });
      await writeFile(join(temp, path), contents);
    }
    await symlink(join(request.root, "node_modules"), join(temp, "node_modules"), "dir");
    await rename(temp, join(store, key)).catch(async (error: unknown) => {
      // Another build kept the same bundle meanwhile.
      if (!["ENOTEMPTY", "EEXIST"].includes(errnoCode(error) ?? "")) throw error;
      await rm(temp, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const path = manifestPath(request);
  await writeFile(`${path}.${process.pid}.tmp`, JSON.stringify(made.manifest));
  await rename(`${path}.${process.pid}.tmp`, path);
  await removeStaleBundles(store);
}

/** esbuild's errors where they are (file:line:column), else the error's message. */
function bundleError(error: unknown): string {
  const { errors } = error as Partial<import("esbuild").BuildFailure>;
  if (!Array.isArray(errors) || errors.length === 0) return errorMessage(error);
  return errors
    .map(({ text, location }) =>
      location === null ? text : `${location.file}:${location.line}:${location.column}: ${text}`,
    )
    .join("; ");
}

/**
 * An esbuild plugin that makes src/project-root.ts say where the project is: in the bundle, its
 * own URL would be the bundle file's.
 */
function projectRootWrittenIn(root: string) {
  const projectRoot = join(root, "src", "project-root.ts");
  return {
    name: "project-root",
    setup(build: import("esbuild").PluginBuild) {
      build.onLoad({ filter: /project-root\.ts$/ }, (args) =>
        args.path === projectRoot
          ? { contents: `export const PROJECT_ROOT = ${JSON.stringify(root)};`, loader: "js" }
          : undefined,
      );
    },
  };
}

/**
 * A digest of everything the bundle is made from: Node's version (the bundle's target), the
 * project's folder (written into the bundle), the entries, the lock file (for every package in
 * node_modules, esbuild's own included) and the bytes of every other input.
 */
function inputsKey(request: ProgramRequest, inputs: readonly string[]): string {
  const hash = createHash("sha256").update(
    JSON.stringify([process.version, request.root, request.entries]),
  );
  for (const input of ["package-lock.json", ...inputs]) {
    hash.update(`\n${input}\n`);
    try {
      hash.update(readFileSync(join(request.root, input)));
    } catch (error) {
      if (errnoCode(error) !== "ENOENT") throw error;
      hash.update("(none)");
    }
  }
  return hash.digest("base64url");
}

/**
 * The manifest at `path`, or null when there is none or it is not one (bundle again then).
 * Checked by hand: zod, ~70 ms to load, is the bundle's to load.
 */
function readManifest(path: string): ProgramManifest | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { key, inputs, outputs } = value as Record<string, unknown>;
  const isStrings = (list: unknown) =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  if (typeof key !== "string" || !isStrings(inputs) || typeof outputs !== "object") return null;
  if (outputs === null || !isStrings(Object.values(outputs))) return null;
  return { key, inputs: inputs as string[], outputs: outputs as Record<string, string> };
}

/**
 * Removes bundles no manifest names, once older than STALE_MS: a build started before the last
 * bundling may still be loading one.
 */
async function removeStaleBundles(store: string): Promise<void> {
  const names = await readdir(store);
  const named = new Set<string>();
  for (const name of names.filter((entry) => entry.endsWith(".json"))) {
    const manifest = readManifest(join(store, name));
    if (manifest !== null) named.add(manifest.key);
  }
  for (const name of names) {
    if (name.endsWith(".json") || named.has(name)) continue;
    const info = await stat(join(store, name)).catch(() => null);
    if (info !== null && Date.now() - info.mtimeMs > STALE_MS) {
      await rm(join(store, name), { recursive: true, force: true });
    }
  }
}
