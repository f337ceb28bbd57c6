import { mkdir } from "node:fs/promises";
import * as pagefind from "pagefind";

/** An archive page as Pagefind's addHTMLFile takes it. */
export interface PageHtml {
  sourcePath: string;
  content: string;
}

/** Pagefind's options; part of each bundle's digest, so changing them indexes anew. */
export const PAGEFIND_OPTIONS: pagefind.PagefindServiceConfig = {};

/**
 * Indexes `pages` into a Pagefind bundle in `outputPath`, with a Pagefind process that ends with
 * it, so its memory is given back before the next bundle. One Pagefind process works through
 * its requests one at a time; indexing on two cores takes two of them, hence one per thread
 * (each thread loads its own copy of Pagefind's module and process).
 */
export async function indexBundle(pages: PageHtml[], outputPath: string): Promise<void> {
  try {
    const created = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!created.index) throw new Error(created.errors.join("; "));
    for (const page of pages) {
      const added = await created.index.addHTMLFile(page);
      if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    }
    await mkdir(outputPath, { recursive: true });
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } catch (error) {
    const range = `${pages[0]?.sourcePath} to ${pages.at(-1)?.sourcePath}`;
    throw new Error(`Pagefind could not index the archive pages ${range}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
