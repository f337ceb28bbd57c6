import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { Site } from "../model/site.ts";
import { paginate } from "../select/select-posts.ts";
import { basePath, pageHref } from "./page-links.ts";

/** Folder under the site where the search index and Pagefind's own script live. */
export const SEARCH_DIR = "pagefind";

/** Written into the bundle: the digest of what it indexed, so a later build can reuse it. */
const SOURCE_DIGEST_FILE = "indexed-pages.sha256";

/** Pagefind's options; part of the digest, so changing them indexes anew. */
const PAGEFIND_OPTIONS: pagefind.PagefindServiceConfig = {};

/**
 * Indexes the stream pages of `site` rendered in `siteDir` with Pagefind (its binary ships in an
 * npm package, so this needs no network) and writes the index to `siteDir`/pagefind/. Only the
 * posts are indexed: the stream pages mark them with data-pagefind-body, and only those pages are
 * handed to Pagefind, which would otherwise read and parse every member and category page too.
 * When `previousSiteDir` holds an index made from the same stream pages byte for byte, that index
 * is copied instead: indexing costs seconds and most of a gigabyte, copying it milliseconds.
 * Run it after Astro, before the swap.
 */
export async function buildSearchIndex(
  site: Site,
  siteDir: string,
  previousSiteDir?: string,
): Promise<void> {
  const files = streamPageFiles(site);
  const digest = await sourceDigest(siteDir, files);
  const bundle = join(siteDir, SEARCH_DIR);
  if (previousSiteDir !== undefined && (await indexedDigest(previousSiteDir)) === digest) {
    await cp(join(previousSiteDir, SEARCH_DIR), bundle, { recursive: true });
    return;
  }
  try {
    const created = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!created.index) throw new Error(created.errors.join("; "));
    const added = await created.index.addDirectory({ path: siteDir, glob: `{${files.join(",")}}` });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await created.index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  } catch (error) {
    throw new Error(`Pagefind could not index ${siteDir}`, { cause: error });
  } finally {
    await pagefind.close();
  }
  // Last, so a bundle with a digest is a whole one.
  await writeFile(join(bundle, SOURCE_DIGEST_FILE), digest);
}

/** The stream pages' files under the site folder, front page first: the pages posts are on. */
function streamPageFiles(site: Site): string[] {
  const base = basePath(site);
  return paginate(site.posts, site.config.postsPerPage).map(
    (_, i) => `${pageHref(site, i + 1).slice(base.length)}index.html`,
  );
}

/** What Pagefind's output depends on: its version, its options and the files it reads. */
async function sourceDigest(siteDir: string, files: string[]): Promise<string> {
  const hash = createHash("sha256")
    .update(await readFile(new URL("../package.json", import.meta.resolve("pagefind"))))
    .update(JSON.stringify(PAGEFIND_OPTIONS));
  for (const file of files) {
    const bytes = await readFile(join(siteDir, file)).catch((error: unknown) => {
      throw new Error(`The stream page ${file} to index is missing from ${siteDir}`, {
        cause: error,
      });
    });
    hash.update(`\n${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest("hex");
}

/** The source digest of the index in a site folder; null when it has none. */
async function indexedDigest(siteDir: string): Promise<string | null> {
  return readFile(join(siteDir, SEARCH_DIR, SOURCE_DIGEST_FILE), "utf8").catch(() => null);
}
