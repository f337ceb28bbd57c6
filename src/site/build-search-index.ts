import { createHash } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import * as pagefind from "pagefind";
import type { Site } from "../model/site.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { type SearchDocument, searchDocuments } from "./search-documents.ts";

/** Folder under the site where the search index and Pagefind's own script live. */
export const SEARCH_DIR = "pagefind";

/** In the first bundle: the folders of the others, relative to it, for the page to merge. */
export const BUNDLE_LIST_FILE = "bundles.json";

/** The second bundle onwards live in `part-2/`, `part-3/`, … inside the first. */
const PART_PREFIX = "part-";

/** Written into each bundle: the digest of what it indexed, so a later build can reuse it. */
const SOURCE_DIGEST_FILE = "indexed-pages.sha256";

/** Pagefind's options; part of the digest, so changing them indexes anew. */
const PAGEFIND_OPTIONS: pagefind.PagefindServiceConfig = {};

/**
 * Indexes the posts of `site`'s stream pages with Pagefind (its binary ships in an npm package,
 * so this needs no network) into `bundleDir`, which becomes the site's pagefind/ folder. Reads
 * no rendered page (searchDocuments), so it can run while Astro renders.
 *
 * The stream pages are split into bundles of at most `postsPerSearchBundle` posts (whole pages),
 * each an index of its own: Pagefind holds all the text of what it indexes, ~20 MB of memory per
 * MB of text, so this bounds it by the bundles being indexed at the time. That is one until
 * `secondLaneAfter` settles (the render, which has the other core until then), two after it.
 * The page merges the bundles listed in bundles.json. A bundle whose pages are the same as the
 * one in the same place in `previousBundleDir` is copied instead: indexing costs seconds,
 * copying milliseconds.
 */
export async function buildSearchIndex(
  site: Site,
  bundleDir: string,
  previousBundleDir?: string,
  secondLaneAfter: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  const bundles = splitIntoBundles(searchDocuments(site), site.config.postsPerSearchBundle);
  const version = await readFile(new URL("../package.json", import.meta.resolve("pagefind")));
  const folderOf = (i: number) => (i === 0 ? "" : `${PART_PREFIX}${i + 1}`);

  const writeBundle = async (i: number, documents: SearchDocument[]): Promise<void> => {
    const pages = documents.map((document) => ({
      sourcePath: document.sourcePath,
      content: document.html(),
    }));
    const digest = sourceDigest(version, pages);
    const target = join(bundleDir, folderOf(i));
    const previous = previousBundleDir === undefined ? null : join(previousBundleDir, folderOf(i));
    if (previous !== null && (await indexedDigest(previous)) === digest) {
      await cp(previous, target, { recursive: true, filter: (path) => !isPart(previous, path) });
      return;
    }
    await indexBundle(pages, target);
    // Last, so a bundle with a digest is a whole one.
    await writeFile(join(target, SOURCE_DIGEST_FILE), digest);
  };

  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < bundles.length; i = next++) {
      // A failure stops the other lane too: the index would be incomplete anyway.
      await writeBundle(i, bundles[i] ?? []).catch((error: unknown) => {
        next = bundles.length;
        throw error;
      });
    }
  };
  try {
    await settleAll([lane(), secondLaneAfter.then(lane, lane)]);
  } finally {
    await pagefind.close();
  }
  const parts = bundles.slice(1).map((_, i) => `${folderOf(i + 1)}/`);
  await writeFile(join(bundleDir, BUNDLE_LIST_FILE), `${JSON.stringify(parts)}\n`);
}

/** Consecutive stream pages, grouped so each group holds at most `maxPosts` posts (or one page). */
function splitIntoBundles(documents: SearchDocument[], maxPosts: number): SearchDocument[][] {
  const bundles: SearchDocument[][] = [];
  let posts = Number.POSITIVE_INFINITY;
  for (const document of documents) {
    if (posts + document.posts > maxPosts) {
      bundles.push([]);
      posts = 0;
    }
    bundles.at(-1)?.push(document);
    posts += document.posts;
  }
  return bundles;
}

/** A stream page as Pagefind's addHTMLFile takes it. */
interface PageHtml {
  sourcePath: string;
  content: string;
}

/** Indexes `pages` into a bundle in `outputPath`, then drops the index from Pagefind's memory. */
async function indexBundle(pages: PageHtml[], outputPath: string): Promise<void> {
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
    await created.index.deleteIndex();
  } catch (error) {
    const range = `${pages[0]?.sourcePath} to ${pages.at(-1)?.sourcePath}`;
    throw new Error(`Pagefind could not index the stream pages ${range}`, { cause: error });
  }
}

/** What a bundle depends on: Pagefind's version, its options and the pages it reads. */
function sourceDigest(version: Buffer, pages: PageHtml[]): string {
  const hash = createHash("sha256").update(version).update(JSON.stringify(PAGEFIND_OPTIONS));
  for (const { sourcePath, content } of pages) {
    hash.update(`\n${sourcePath}\n${content.length}\n`).update(content);
  }
  return hash.digest("hex");
}

/** The source digest of the bundle in a folder; null when it has none. */
async function indexedDigest(folder: string): Promise<string | null> {
  return readFile(join(folder, SOURCE_DIGEST_FILE), "utf8").catch(() => null);
}

/** Whether `path` is another bundle nested in the first one, or the list of them. */
function isPart(firstBundle: string, path: string): boolean {
  const name = relative(firstBundle, path);
  return name.startsWith(PART_PREFIX) || name === BUNDLE_LIST_FILE;
}
