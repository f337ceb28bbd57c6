import type { Site } from "../model/site.ts";
import { categoryPages } from "../site/category-pages.ts";
import { categoryChannel } from "./feed-channel.ts";
import { renderAtom } from "./render-atom.ts";
import { renderRss } from "./render-rss.ts";

/** Every category's own feeds, `categories/<slug>/rss.xml` and `atom.xml`, by path under dist/. */
export function renderCategoryFeeds(site: Site): Record<string, string> {
  const files: Record<string, string> = {};
  for (const category of categoryPages(site)) {
    const channel = categoryChannel(site, category);
    files[`${channel.folder}rss.xml`] = renderRss(site, "rss.xml", channel);
    files[`${channel.folder}atom.xml`] = renderAtom(site, channel);
  }
  return files;
}
