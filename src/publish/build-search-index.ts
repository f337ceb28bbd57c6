import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Site } from "../model/site.ts";
import { archivePath, SEARCH_DIR } from "../site/page-links.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { indexBundle, PAGEFIND_OPTIONS, type PageHtml } from "./index-bundle.ts";
import type { IndexRequest, IndexResponse } from "./index-bundle-worker.ts";
import { linkOrCopyTree } from "./link-or-copy.ts";
import { planSearchSegments } from "./search-segments.ts";

/** In the first segment: the folders of the others, relative to it, for the page to merge. */
export const BUNDLE_LIST_FILE = "bundles.json";

/** Written last into a stored segment: one without it is a half-written leftover. */
const COMPLETE_FILE = "complete";

/**
 * Indexes the archive pages rendered into `siteDir` with Pagefind, into `siteDir/pagefind/`: one
 * Pagefind index per segment of pages (search-segments.ts), which the page merges. Each segment
 * is kept in `segmentStore` under the digest of what it indexed, so a segment whose pages are
 * byte for byte those of an earlier build is copied from there, never indexed again, whether or
 * not the last site is still in place. Segments left unused are removed from the store.
 *
 * Pagefind holds all the text it indexes (~20 MB of memory per MB), so segments are indexed one
 * at a time per lane, on two lanes: this thread's and a worker thread's, each with a Pagefind
 * process of its own (one process indexes on one core).
 */
export async function buildSearchIndex(
  site: Site,
  siteDir: string,
  segmentStore: string,
): Promise<void> {
  const version = await readFile(new URL("../package.json", import.meta.resolve("pagefind")));
  const segments: string[][] = [];
  let first = 0;
  for (const size of planSearchSegments(site.archive.length, site.config.postsPerPage)) {
    const pages = site.archive.slice(first, first + size);
    segments.push(pages.map((page) => `${archivePath(page.slug)}index.html`));
    first += size;
  }
  await mkdir(segmentStore, { recursive: true });
  const digests: string[] = new Array(segments.length);

  type Indexer = (pages: PageHtml[], outputPath: string) => Promise<void>;
  const storeSegment = async (i: number, index: Indexer): Promise<void> => {
    // Bytes, not text: most segments are only hashed, and decoding them would double the cost.
    const pages: { sourcePath: string; bytes: Buffer }[] = [];
    for (const sourcePath of segments[i] ?? []) {
      pages.push({ sourcePath, bytes: await readFile(join(siteDir, sourcePath)) });
    }
    const digest = segmentDigest(version, pages);
    digests[i] = digest;
    const stored = join(segmentStore, digest);
    if (await isComplete(stored)) return;
    const temp = `${stored}.${process.pid}.tmp`;
    await rm(temp, { recursive: true, force: true });
    await index(
      pages.map(({ sourcePath, bytes }) => ({ sourcePath, content: bytes.toString("utf8") })),
      temp,
    );
    await writeFile(join(temp, COMPLETE_FILE), "");
    await rm(stored, { recursive: true, force: true });
    await rename(temp, stored);
  };

  let next = 0;
  const lane = async (index: Indexer): Promise<void> => {
    for (let i = next++; i < segments.length; i = next++) {
      // A failure stops the other lane too: the index would be incomplete anyway.
      await storeSegment(i, index).catch((error: unknown) => {
        next = segments.length;
        throw error;
      });
    }
  };
  const threadLane = async (): Promise<void> => {
    const thread = new IndexThread();
    try {
      await lane((pages, outputPath) => thread.index(pages, outputPath));
    } finally {
      await thread.end();
    }
  };
  await settleAll([lane(indexBundle), threadLane()]);

  await pruneSegments(segmentStore, new Set(digests));
  // A planet without posts has nothing to search; the page says so when asked.
  if (digests.length === 0) return;
  const searchDir = join(siteDir, SEARCH_DIR);
  const parts: string[] = [];
  for (const [i, digest] of digests.entries()) {
    // The first segment is the root, whose pagefind.js the page loads; the rest sit inside it.
    const folder = i === 0 ? "" : `segment-${digest.slice(0, 16)}`;
    await linkOrCopyTree(
      join(segmentStore, digest),
      join(searchDir, folder),
      (name) => name !== COMPLETE_FILE,
    );
    if (i > 0) parts.push(`${folder}/`);
  }
  await mkdir(searchDir, { recursive: true });
  await writeFile(join(searchDir, BUNDLE_LIST_FILE), `${JSON.stringify(parts)}\n`);
}

/** What a segment depends on: Pagefind's version, its options and the pages it reads. */
function segmentDigest(version: Buffer, pages: { sourcePath: string; bytes: Buffer }[]): string {
  const hash = createHash("sha256").update(version).update(JSON.stringify(PAGEFIND_OPTIONS));
  for (const { sourcePath, bytes } of pages) {
    hash.update(`\n${sourcePath}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest("hex");
}

async function isComplete(stored: string): Promise<boolean> {
  return readFile(join(stored, COMPLETE_FILE)).then(
    () => true,
    () => false,
  );
}

/** Removes every stored segment (and leftover) but those in `used`. */
async function pruneSegments(segmentStore: string, used: Set<string>): Promise<void> {
  for (const name of await readdir(segmentStore)) {
    if (!used.has(name)) await rm(join(segmentStore, name), { recursive: true, force: true });
  }
}

const INDEX_WORKER = new URL("./index-bundle-worker.ts", import.meta.url);

/**
 * indexBundle on a thread of its own (index-bundle-worker.ts), one segment at a time. The thread
 * starts with the first segment to index: a build that reuses every stored one needs none.
 */
class IndexThread {
  #worker: Worker | null = null;

  index(pages: PageHtml[], outputPath: string): Promise<void> {
    this.#worker ??= new Worker(INDEX_WORKER);
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the indexing thread stopped (exit code ${code})`));
      worker.once("exit", onExit);
      worker.once("error", reject);
      worker.once("message", (response: IndexResponse) => {
        worker.off("exit", onExit).off("error", reject);
        if (response.ok) resolve();
        else reject(response.error);
      });
      worker.postMessage({ pages, outputPath } satisfies IndexRequest);
    });
  }

  async end(): Promise<void> {
    await this.#worker?.terminate();
  }
}
