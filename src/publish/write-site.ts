import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type StageTimer, untimed } from "../pipeline/stage-timer.ts";
import type { SiteData } from "../site/site-data.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { buildSearchIndex } from "./build-search-index.ts";
import type { RenderProcess } from "./render-process.ts";
import { removeInBackground, siteFolders, swapIn } from "./site-folders.ts";

/**
 * Writes the whole site into a fresh folder, then swaps it in, so a static host never serves a
 * half-written site and a failed render leaves the last one in place. `render` (started for
 * `cacheDir`'s renderer and the site's link) renders the pages: Astro renders again only
 * the pages whose cache key changed, and the search index only the segments whose pages did; the
 * rest come from their stores in `cacheDir`, so a build that starts without `outDir` (a CI job
 * that restores only the cache) costs what one that kept it does. Returns once the new site is in
 * place; the last one is removed in the background.
 */
export async function writeSite(
  data: SiteData,
  outDir: string,
  cacheDir: string,
  render: RenderProcess,
  time: StageTimer = untimed,
): Promise<void> {
  const folders = siteFolders(outDir);
  const { staging } = folders;
  try {
    // The folder is made first: the render process and this one would otherwise race to make
    // it. The site is handed over first; then the feeds are read and written here while the
    // pages render, and the search index takes up the archive pages, all it reads, as they are
    // written (they come first).
    await mkdir(staging, { recursive: true });
    const sending = render.render(data, staging);
    const rendering = time("render pages", async () => (await sending).done);
    // Loaded only now: what renders the feeds is no cost to the hand-over.
    const feeds = sending.then(() =>
      time("feeds", async () => (await import("./write-feeds.ts")).writeFeeds(data, staging)),
    );
    // Segments are indexed as their pages are written, on one lane while the render process
    // keeps a core busy, on two once it is done.
    const indexing = sending.then(({ archive, done }) =>
      time("search index", () =>
        buildSearchIndex(data.site, staging, join(cacheDir, "search"), archive, done),
      ),
    );
    await settleAll([rendering, feeds, indexing]);
    const hadSite = await time("swap", () => swapIn(folders, outDir));
    if (hadSite) removeInBackground(folders.old);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
