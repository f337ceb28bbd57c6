import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import * as pagefind from "pagefind";

/** Pagefind's options; part of each bundle's digest, so changing them indexes anew. */
export const PAGEFIND_OPTIONS: pagefind.PagefindServiceConfig = {};

/** File names a glob takes as they are (the site's page paths are made of these). */
const PLAIN_PATH = /^[\w./-]+$/;

/**
 * Indexes `pages` (files under `siteDir`) into a Pagefind bundle in `outputPath`, with a
 * Pagefind process that ends with it, so its memory is given back before the next bundle.
 * Pagefind reads the pages itself (a glob naming each): sent through its pipe, each page would
 * cost this process a JSON and base64 copy of it. One Pagefind process works through its
 * requests one at a time; indexing on two cores takes two of them, hence one per thread (each
 * thread loads its own copy of Pagefind's module and process).
 */
export async function indexBundle(
  siteDir: string,
  pages: readonly string[],
  outputPath: string,
): Promise<void> {
  const range = `${pages[0]} to ${pages.at(-1)}`;
  try {
    const odd = pages.find((page) => !PLAIN_PATH.test(page));
    if (odd !== undefined) throw new Error(`"${odd}" is not a plain path to put in a glob`);
    const created = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!created.index) throw new Error(created.errors.join("; "));
    const added = await created.index.addDirectory({
      path: resolve(siteDir),
      glob: `{${pages.join(",")}}`,
    });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    if (added.page_count !== pages.length) {
      throw new Error(`${added.page_count} of the ${pages.length} pages were found`);
    }
    await mkdir(outputPath, { recursive: true });
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } catch (error) {
    throw new Error(`Pagefind could not index the archive pages ${range}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
