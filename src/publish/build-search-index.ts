import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Site } from "../model/site.ts";
import { archivePageFile, SEARCH_DIR } from "../site/page-links.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { indexBundle, PAGEFIND_OPTIONS } from "./index-bundle.ts";
import { IndexThread } from "./index-thread.ts";
import { linkOrCopyTree } from "./link-or-copy.ts";
import { type ArchiveWrites, writtenAlready } from "./rendered-pages.ts";
import { planSearchSegments, recentSealedPages } from "./search-segments.ts";

/** In the first segment: the folders of the others, relative to it, for the page to merge. */
export const BUNDLE_LIST_FILE = "bundles.json";

/** Written last into a stored segment: one without it is a half-written leftover. */
const COMPLETE_FILE = "complete";

/**
 * Indexes the archive pages rendered into `siteDir` with Pagefind, into `siteDir/pagefind/`: one
 * Pagefind index per segment of pages (search-segments.ts), which the page merges. Each segment
 * is kept in `segmentStore` under the digest of what it indexed, so a segment whose pages are
 * byte for byte those of an earlier build is copied from there, never indexed again, whether or
 * not the last site is still in place. A page is known by what `pages` says fixes its bytes (the
 * renderer and its cache key) or, without that, by its bytes; a segment is taken up as soon as
 * its pages are written, oldest first, while the render goes on. Segments left unused are
 * removed from the store. A second lane of indexing starts once `coreFree` settles (e.g. when
 * the render process, busy on a core of its own meanwhile, is done).
 */
export async function buildSearchIndex(
  site: Site,
  siteDir: string,
  segmentStore: string,
  pages: ArchiveWrites = writtenAlready({ renderer: "", cacheKeys: {} }),
  coreFree: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  const version = await readFile(new URL("../package.json", import.meta.resolve("pagefind")));
  const segments: string[][] = [];
  let first = 0;
  const recent = recentSealedPages(site.archive);
  for (const size of planSearchSegments(site.archive.length, site.config.postsPerPage, recent)) {
    segments.push(site.archive.slice(first, first + size).map(archivePageFile));
    first += size;
  }
  await mkdir(segmentStore, { recursive: true });
  const searchDir = join(siteDir, SEARCH_DIR);
  // The first segment is the root, whose pagefind.js the page loads; the rest sit inside it.
  const folderOf = (digest: string, i: number) => (i === 0 ? "" : `segment-${digest.slice(0, 16)}`);
  // Each segment goes into the site as soon as it is stored, before the lane goes on to the next.
  const digests = await indexSegments(segments, coreFree, async (segment, i, index) => {
    const digest = await segmentDigest(version, segment, siteDir, pages);
    const stored = join(segmentStore, digest);
    if (!(await isComplete(stored))) await storeSegment(segment, stored, siteDir, index);
    const keep = (name: string) => name !== COMPLETE_FILE && (i === 0 || !isPagefindCode(name));
    linkOrCopyTree(stored, join(searchDir, folderOf(digest, i)), keep);
    return digest;
  });
  await pruneSegments(segmentStore, new Set(digests));
  // A planet without posts has nothing to search; the page says so when asked.
  if (digests.length === 0) return;
  const parts = digests.slice(1).map((digest, i) => `${folderOf(digest, i + 1)}/`);
  await mkdir(searchDir, { recursive: true });
  await writeFile(join(searchDir, BUNDLE_LIST_FILE), `${JSON.stringify(parts)}\n`);
}

/**
 * What a segment depends on: Pagefind's version, its options and the pages it reads. A page with
 * a cache key counts by it and the renderer's key, which fix its bytes, so it is not read; any
 * other page counts by its bytes.
 */
async function segmentDigest(
  version: Buffer,
  pages: string[],
  siteDir: string,
  written: ArchiveWrites,
): Promise<string> {
  const hash = createHash("sha256").update(version).update(JSON.stringify(PAGEFIND_OPTIONS));
  for (const sourcePath of pages) {
    const identity = await written.written(sourcePath);
    if (identity !== null) {
      hash.update(`\n${sourcePath}\nkey ${identity}\n`);
      continue;
    }
    // Bytes, not text: decoding them would double the cost.
    const bytes = await readFile(join(siteDir, sourcePath));
    hash.update(`\n${sourcePath}\nbytes ${bytes.length}\n`).update(bytes);
  }
  return hash.digest("hex");
}

/**
 * Pagefind's scripts, styles and WebAssembly, which it writes into every bundle. A merged bundle
 * is searched with the root's (mergeIndex loads only its entry, metadata, index, filter and
 * fragment files), so the others' copies would be dead weight in the site.
 */
const isPagefindCode = (name: string): boolean =>
  /^(wasm\..*\.pagefind|[^/]*\.(js|css))$/.test(name);

async function isComplete(stored: string): Promise<boolean> {
  return readFile(join(stored, COMPLETE_FILE)).then(
    () => true,
    () => false,
  );
}

type Indexer = typeof indexBundle;

/**
 * Takes up `segments` in order with `take` (given each one's position), which returns each one's
 * digest, on up to two lanes:
 * Pagefind holds all the text it indexes (~20 MB of memory per MB), so one segment at a time per
 * lane, this thread's and, once `coreFree` settles and segments are left, a worker thread's, each
 * with a Pagefind process of its own (one process indexes on one core). The thread is made for the
 * first segment its lane has to index, so a build whose changed segments are done before the
 * render ends makes none. Returns the digests in the segments' order.
 */
async function indexSegments(
  segments: string[][],
  coreFree: Promise<unknown>,
  take: (segment: string[], position: number, index: Indexer) => Promise<string>,
): Promise<string[]> {
  const digests: string[] = [];
  let next = 0;
  // Settles when no segment is left to take: the second lane need not wait for a core then.
  const allTaken = Promise.withResolvers<void>();
  const lane = async (index: Indexer): Promise<void> => {
    try {
      for (let i = next++; i < segments.length; i = next++) {
        // A failure stops the other lane too: the index would be incomplete anyway.
        digests[i] = await take(segments[i] as string[], i, index).catch((error: unknown) => {
          next = segments.length;
          throw error;
        });
      }
    } finally {
      allTaken.resolve();
    }
  };
  const threadLane = async (): Promise<void> => {
    await Promise.race([coreFree.catch(() => undefined), allTaken.promise]);
    if (next >= segments.length) return;
    const thread = new IndexThread();
    try {
      await lane((siteDir, pages, outputPath) => thread.index(siteDir, pages, outputPath));
    } finally {
      await thread.end();
    }
  };
  await settleAll(segments.length > 1 ? [lane(indexBundle), threadLane()] : [lane(indexBundle)]);
  return digests;
}

/** Indexes one segment into a temporary folder, then renames it into its place in the store. */
async function storeSegment(
  pages: string[],
  stored: string,
  siteDir: string,
  index: Indexer,
): Promise<void> {
  const temp = `${stored}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  await index(siteDir, pages, temp);
  await writeFile(join(temp, COMPLETE_FILE), "");
  await rm(stored, { recursive: true, force: true });
  await rename(temp, stored);
}

/** Removes every stored segment (and leftover) but those in `used`. */
async function pruneSegments(segmentStore: string, used: Set<string>): Promise<void> {
  for (const name of await readdir(segmentStore)) {
    if (!used.has(name)) await rm(join(segmentStore, name), { recursive: true, force: true });
  }
}
