import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import type { Site } from "../model/site.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { indexBundle, PAGEFIND_OPTIONS, type PageHtml } from "./index-bundle.ts";
import type { IndexRequest, IndexResponse } from "./index-bundle-worker.ts";
import { type SearchDocument, searchDocuments } from "./search-documents.ts";

/** Folder under the site where the search index and Pagefind's own script live. */
export const SEARCH_DIR = "pagefind";

/** In the first bundle: the folders of the others, relative to it, for the page to merge. */
export const BUNDLE_LIST_FILE = "bundles.json";

/** The second bundle onwards live in `part-2/`, `part-3/`, … inside the first. */
const PART_PREFIX = "part-";

/** Written into each bundle: the digest of what it indexed, so a later build can reuse it. */
const SOURCE_DIGEST_FILE = "indexed-pages.sha256";

/**
 * Indexes the posts of `site`'s stream pages with Pagefind (its binary ships in an npm package,
 * so this needs no network) into `bundleDir`, which becomes the site's pagefind/ folder. Reads
 * no rendered page (searchDocuments), so it can run while Astro renders.
 *
 * The stream pages are split into bundles of at most `postsPerSearchBundle` posts (whole pages),
 * each an index of its own: Pagefind holds all the text of what it indexes, ~20 MB of memory per
 * MB of text, so this bounds it by the bundles being indexed at the time. That is one until
 * `secondLaneAfter` settles (the render, which has the other core until then), two after it:
 * the second on a thread with a Pagefind process of its own (one process indexes on one core).
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

  type Indexer = (pages: PageHtml[], outputPath: string) => Promise<void>;
  const writeBundle = async (i: number, index: Indexer): Promise<void> => {
    const pages = (bundles[i] ?? []).map((document) => ({
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
    await index(pages, target);
    // Last, so a bundle with a digest is a whole one.
    await writeFile(join(target, SOURCE_DIGEST_FILE), digest);
  };

  let next = 0;
  const lane = async (index: Indexer): Promise<void> => {
    for (let i = next++; i < bundles.length; i = next++) {
      // A failure stops the other lane too: the index would be incomplete anyway.
      await writeBundle(i, index).catch((error: unknown) => {
        next = bundles.length;
        throw error;
      });
    }
  };
  const threadLane = async (): Promise<void> => {
    if (next >= bundles.length) return;
    const thread = new IndexThread();
    try {
      await lane((pages, outputPath) => thread.index(pages, outputPath));
    } finally {
      await thread.end();
    }
  };
  await settleAll([lane(indexBundle), secondLaneAfter.then(threadLane, threadLane)]);
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

const INDEX_WORKER = new URL("./index-bundle-worker.ts", import.meta.url);

/** indexBundle on a thread of its own (index-bundle-worker.ts), one bundle at a time. */
class IndexThread {
  readonly #worker = new Worker(INDEX_WORKER);

  index(pages: PageHtml[], outputPath: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the indexing thread stopped (exit code ${code})`));
      this.#worker.once("exit", onExit);
      this.#worker.once("error", reject);
      this.#worker.once("message", (response: IndexResponse) => {
        this.#worker.off("exit", onExit).off("error", reject);
        if (response.ok) resolve();
        else reject(response.error);
      });
      this.#worker.postMessage({ pages, outputPath } satisfies IndexRequest);
    });
  }

  async end(): Promise<void> {
    await this.#worker.terminate();
  }
}
