import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderAtom } from "../render/render-atom.ts";
import { renderCalendars } from "../render/render-calendars.ts";
import { renderHealthJson } from "../render/render-health-json.ts";
import { renderOpml } from "../render/render-opml.ts";
import { renderRss } from "../render/render-rss.ts";
import { buildSearchIndex } from "../site/build-search-index.ts";
import { defaultSiteDataPath } from "../site/current-site.ts";
import { type SiteData, writeSiteData } from "../site/site-data.ts";
import { renderPages } from "./render-pages.ts";

/** The files written beside the Astro pages, by path under dist/. */
export function renderFeeds(data: SiteData): Record<string, string> {
  const { site } = data;
  return {
    "rss.xml": renderRss(site, "rss.xml"),
    // Planet Venus' name for the same feed: its subscribers and consumers keep working.
    "rss20.xml": renderRss(site, "rss20.xml"),
    "atom.xml": renderAtom(site),
    "opml.xml": renderOpml(site),
    "health.json": renderHealthJson(site, data.health),
    ...renderCalendars(site),
  };
}

/**
 * Writes the whole site into a fresh folder beside `outDir`, then swaps it in, so a static
 * host never serves a half-written site and a failed render leaves the last one in place.
 */
export async function writeSite(data: SiteData, outDir: string, cacheDir: string): Promise<void> {
  const siteDataPath = defaultSiteDataPath(cacheDir);
  await writeSiteData(siteDataPath, data);
  const staging = `${outDir}.new-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await renderPages({ siteDataPath, outDir: staging, siteLink: data.site.config.link });
  for (const [path, text] of Object.entries(renderFeeds(data))) {
    await mkdir(dirname(join(staging, path)), { recursive: true });
    await writeFile(join(staging, path), text);
  }
  await buildSearchIndex(staging);
  const old = `${outDir}.old-${process.pid}`;
  await rename(outDir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}
