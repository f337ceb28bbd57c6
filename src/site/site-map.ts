import { postDate } from "../model/post.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { categoryPages, categoryPosts } from "./category-pages.ts";
import { eventPages } from "./event-pages.ts";
import { memberPages, memberPosts } from "./member-pages.ts";
import { archivePath } from "./page-links.ts";

/** One page of the planet as a sitemap lists it. */
export interface SiteMapEntry {
  /** Path under the planet's link, e.g. `archive/2017-03-04/`; "" is the front page. */
  path: string;
  /** When its newest post was published; null for pages without posts. */
  lastModified: Date | null;
}

/** Every HTML page of the planet (the 404 page aside), front page first. */
export function listPages(site: Site): SiteMapEntry[] {
  const newest = (posts: Site["posts"]) => {
    const first = posts[0];
    return first ? postDate(first) : null;
  };
  return [
    { path: "", lastModified: newest(site.posts) },
    { path: archivePath(), lastModified: newest(site.posts) },
    ...site.archive.toReversed().map((page) => ({
      path: archivePath(page.slug),
      lastModified: newest(page.posts),
    })),
    ...memberPages(site).map(({ member, slug }) => ({
      path: `members/${slug}/`,
      lastModified: newest(memberPosts(site, member)),
    })),
    ...categoryPages(site).map((category) => ({
      path: `categories/${category.slug}/`,
      lastModified: newest(categoryPosts(site, category)),
    })),
    { path: "events/", lastModified: null },
    ...eventPages(site).map(({ slug }) => ({ path: `events/${slug}/`, lastModified: null })),
    { path: "feeds/", lastModified: null },
  ];
}

/** sitemap.xml (sitemaps.org 0.9) with the absolute URL of every page. */
export function renderSiteMap(site: Site): string {
  const urls = listPages(site).map(({ path, lastModified }) => {
    const lastmod = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : "";
    return `  <url><loc>${escapeHtml(planetUrl(site, path))}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** robots.txt: everything may be crawled; the sitemap says what there is. */
export function renderRobots(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${planetUrl(site, "sitemap.xml")}\n`;
}
