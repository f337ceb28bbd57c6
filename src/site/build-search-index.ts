import { join } from "node:path";
import * as pagefind from "pagefind";

/** Folder under the site where the search index and Pagefind's own script live. */
export const SEARCH_DIR = "pagefind";

/**
 * Indexes the built pages in `outDir` with Pagefind (its binary ships in an npm package, so this
 * needs no network) and writes the index to `outDir`/pagefind/. Only the posts are indexed: the
 * stream pages mark their posts with data-pagefind-body. Run it after Astro, before the swap.
 */
export async function buildSearchIndex(outDir: string): Promise<void> {
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join("; "));
    const added = await created.index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await created.index.writeFiles({ outputPath: join(outDir, SEARCH_DIR) });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } catch (error) {
    throw new Error(`Pagefind could not index ${outDir}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
