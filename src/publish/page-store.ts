import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as z from "zod";
import { writeFileAtomic } from "../store/atomic-write.ts";
import { readJsonFile } from "../store/read-json-file.ts";
import { linkOrCopy } from "./link-or-copy.ts";

// The pages the last render wrote, kept in the cache with the cache key each was rendered for
// (page-cache-keys.ts): a page whose key is unchanged is copied from here, not rendered, so a
// build that starts without dist/ (a CI job that restores only the cache) costs what one that
// kept it does.

const indexSchema = z.object({
  /** The renderer the pages came from: another one (new code) renders every page anew. */
  renderer: z.string(),
  /** Each kept page's cache key, by its file relative to the site's root. */
  pages: z.record(z.string(), z.string()),
});

/** The index and the pages, under `dir` (the index beside the folder of pages). */
const places = (dir: string) => ({ index: `${dir}.json`, pages: dir });

/** The store of one render: read what the last one kept, note what this one renders. */
export interface PageStore {
  /**
   * Puts `file` at `destination` if it was kept for `cacheKey` by the same renderer; says whether
   * it did.
   */
  restore(file: string, cacheKey: string | undefined, destination: string): boolean;
  /**
   * Writes `body` to `destination`, keeping it as `file` rendered for `cacheKey`: written once,
   * into the store, and linked into the site (a page without a key is only written).
   */
  write(
    file: string,
    cacheKey: string | undefined,
    body: Uint8Array,
    destination: string,
  ): Promise<void>;
  /** Records what this render kept and forgets pages the site no longer has. */
  save(): Promise<void>;
}

/**
 * Opens the store in `dir` for a render by `renderer`. Its index is removed until `save`: a
 * render that stops half-way leaves no index that names pages it had begun to replace.
 */
export async function openPageStore(dir: string, renderer: string): Promise<PageStore> {
  const { index, pages } = places(dir);
  const previous = await readJsonFile(index, indexSchema);
  const kept = previous?.renderer === renderer ? previous.pages : {};
  await rm(index, { force: true });
  const next: Record<string, string> = {};
  const holds = (file: string, cacheKey: string | undefined) =>
    cacheKey !== undefined && kept[file] === cacheKey;
  return {
    restore(file, cacheKey, destination) {
      if (!holds(file, cacheKey)) return false;
      try {
        linkOrCopy(join(pages, file), destination);
      } catch {
        return false;
      }
      if (cacheKey !== undefined) next[file] = cacheKey;
      return true;
    },
    async write(file, cacheKey, body, destination) {
      if (cacheKey === undefined) {
        await mkdir(dirname(destination), { recursive: true });
        await writeFile(destination, body);
        return;
      }
      // A new file renamed over the old: a site may share the old one (link-or-copy.ts).
      const path = join(pages, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.${process.pid}.new`, body);
      await rename(`${path}.${process.pid}.new`, path);
      next[file] = cacheKey;
      linkOrCopy(path, destination);
    },
    async save() {
      for (const file of Object.keys(previous?.pages ?? {})) {
        if (!(file in next)) await rm(join(pages, file), { force: true });
      }
      await writeFileAtomic(index, JSON.stringify({ renderer, pages: next }));
    },
  };
}
