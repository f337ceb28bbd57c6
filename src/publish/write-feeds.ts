import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { feedChannels } from "../render/feed-channel.ts";
import { renderCalendars, renderEventCalendars } from "../render/render-calendars.ts";
import { renderChannelFeeds } from "../render/render-channel-feeds.ts";
import { renderHeaders } from "../render/render-headers.ts";
import { renderHealthJson } from "../render/render-health-json.ts";
import { renderOpml } from "../render/render-opml.ts";
import type { SiteData } from "../site/site-data.ts";
import { readPostContents } from "../store/read-post-contents.ts";

/** The files written beside the Astro pages, by path under dist/. */
function renderFeeds(data: SiteData): Record<string, string> {
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

/**
 * Reads the contents of the posts the feeds carry, then writes the feeds, calendars and reports
 * into the staging folder `dir` (the swap is atomic).
 */
export async function writeFeeds(data: SiteData, dir: string): Promise<void> {
  const { site } = data;
  await readPostContents(
    site.contents,
    feedChannels(site).flatMap(({ posts }) => posts),
  );
  for (const [path, text] of Object.entries(renderFeeds(data))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
