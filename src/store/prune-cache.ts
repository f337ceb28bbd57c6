import { readdir, readFile, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { errnoCode } from "../model/caught-error.ts";
import { TEMP_SUFFIX } from "./atomic-write.ts";
import { cacheKeyOf, contentFileName, describeCacheFile } from "./cache-files.ts";

/** Temp files this old are leftovers of a killed writer, not a write in progress. */
const LEFTOVER_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes from `dir` the files (state, content, and any set aside as corrupt) of every URL not in
 * `keepUrls`, leftover temp files, and content files no state points at any more; returns the
 * removed URLs, sorted. Not to be run while the cache is being written (the cache lock sees to it).
 */
export async function pruneCache(dir: string, keepUrls: string[]): Promise<string[]> {
  const keep = new Set(keepUrls.map(cacheKeyOf));
  const names = await readdir(dir).catch((error: unknown) => {
    if (errnoCode(error) === "ENOENT") return [];
    throw error;
  });
  const removed: string[] = [];
  const keptStates = new Map<string, string>();
  const keptContents = new Map<string, string[]>();
  for (const name of names) {
    const path = join(dir, name);
    const file = describeCacheFile(name);
    if (file === null) {
      if (name.endsWith(TEMP_SUFFIX) && (await isOlderThan(path, LEFTOVER_TEMP_MS))) {
        await removeFile(path);
      }
    } else if (!keep.has(file.key)) {
      const url = file.kind === "state" ? (await referencesIn(path))?.url : undefined;
      await removeFile(path);
      if (url !== undefined) removed.push(url);
    } else if (file.kind === "state") {
      keptStates.set(file.key, name);
    } else if (file.kind === "content") {
      keptContents.set(file.key, [...(keptContents.get(file.key) ?? []), name]);
    }
  }
  for (const [key, contents] of keptContents) {
    await removeStaleContent(dir, contents, keptStates.get(key));
  }
  return removed.sort();
}

/**
 * Removes a kept URL's content files that its state does not point at: left by a crash between
 * writing one and switching the state over, by a failed state write, or by a corrupt state.
 */
async function removeStaleContent(
  dir: string,
  contents: string[],
  stateName: string | undefined,
): Promise<void> {
  // One content file beside a state is the usual case, and this build's read checked the pair.
  if (stateName !== undefined && contents.length === 1) return;
  const current = stateName === undefined ? null : await referencesIn(join(dir, stateName));
  const currentName = current?.contentSha256
    ? contentFileName(current.url, current.contentSha256)
    : null;
  for (const name of contents) if (name !== currentName) await removeFile(join(dir, name));
}

const stateReferences = z.object({ url: z.string(), contentSha256: z.string().optional() });

/**
 * The URL a state file (or version 1 record) names and the content file it points at, read
 * leniently: prune must work on damaged files too.
 */
async function referencesIn(path: string): Promise<z.infer<typeof stateReferences> | null> {
  try {
    const parsed = stateReferences.safeParse(JSON.parse(await readFile(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function isOlderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > ms;
}

async function removeFile(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
