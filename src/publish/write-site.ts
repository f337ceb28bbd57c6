import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type StageTimer, untimed } from "../pipeline/stage-timer.ts";
import { feedChannels } from "../render/feed-channel.ts";
import { renderCalendars, renderEventCalendars } from "../render/render-calendars.ts";
import { renderChannelFeeds } from "../render/render-channel-feeds.ts";
import { renderHeaders } from "../render/render-headers.ts";
import { renderHealthJson } from "../render/render-health-json.ts";
import { renderOpml } from "../render/render-opml.ts";
import type { SiteData } from "../site/site-data.ts";
import { readPostContents } from "../store/read-post-contents.ts";
import { settleAll } from "../tasks/settle-all.ts";
import { buildSearchIndex } from "./build-search-index.ts";
import type { RenderProcess } from "./render-process.ts";
import { removeInBackground, siteFolders, swapIn } from "./site-folders.ts";

/** The files written beside the Astro pages, by path under dist/. */
export function renderFeeds(data: SiteData): Record<string, string> {
  const { site } = data;
  const files: Record<string, string> = {
    ...renderChannelFeeds(site),
    "opml.xml": renderOpml(site),
    "health.json": renderHealthJson(site.now, data.health),
    ...renderCalendars(site),
    ...renderEventCalendars(site),
  };
  // Netlify, Cloudflare Pages and compatible hosts send the page's policies as real headers.
  const calendars = Object.keys(files).filter((path) => path.endsWith(".ics"));
  return { ...files, _headers: renderHeaders(calendars) };
}

/** Writes the feeds, calendars and reports into the staging folder `dir` (the swap is atomic). */
async function writeFeeds(data: SiteData, dir: string): Promise<void> {
  for (const [path, text] of Object.entries(renderFeeds(data))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

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
    const feeds = sending.then(() =>
      time("feeds", async () => {
        const { site } = data;
        await readPostContents(
          site.contents,
          feedChannels(site).flatMap(({ posts }) => posts),
        );
        await writeFeeds(data, staging);
      }),
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
